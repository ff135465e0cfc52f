package org.sweetshop.ui.office.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.stock.MovementKind;
import org.sweetshop.stock.MovementView;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.ui.office.OfficeTest;
import org.sweetshop.ui.office.shared.SweetFigures;

/** The stock model with a weighed sweet: restock and stocktake in grams and kilograms, its history and low stock in its unit. */
class WeighedStockViewModelTest extends OfficeTest {

    private StockViewModel stock;

    @BeforeEach
    void aWeighedSweet() {
        app.catalog().add(manager, NewSweet.weighed("PM", "Pick & Mix", "Loose", new BigDecimal("14.99"), 2_500, 500, 42), "T0");
        office.reload();
        stock = office.stock();
    }

    /** Everything the database holds, the catalogue as its service lists it and PM's ledger. */
    private List<Object> state() {
        return List.of(Snapshot.of(app.database().dataSource()), app.catalog().list(), app.stock().movements("PM", 100));
    }

    @Test
    void aRestockAndAStocktakeInGramsAndKilograms() {
        choose("PM");
        assertThat(stock.restockPrompt().get()).isEqualTo("Quantity (e.g. 500g)");
        assertThat(stock.countedPrompt().get()).isEqualTo("Counted (e.g. 1.2kg)");
        stock.restock("500g", "Sweetco delivery 43");
        assertThat(status.messageProperty().get()).isEqualTo("Restocked Pick & Mix: +500 g, now 3.000 kg.");
        stock.restock("0.25 kg", "");
        assertThat(status.messageProperty().get()).isEqualTo("Restocked Pick & Mix: +250 g, now 3.250 kg.");
        stock.stocktake("2kg");
        assertThat(status.messageProperty().get()).isEqualTo("Counted Pick & Mix: 2.000 kg (adjusted by -1.250 kg).");
        stock.stocktake("2000g");
        assertThat(status.messageProperty().get()).isEqualTo("Counted Pick & Mix: 2.000 kg (no difference).");

        assertThat(stockOf("PM")).isEqualTo(2_000);
        assertThat(app.stock().movements("PM", 10)).extracting(MovementView::kind, MovementView::quantity, MovementView::stockAfter)
                .containsExactly(tuple(MovementKind.ADJUSTMENT, -1_250, 2_000), tuple(MovementKind.RESTOCK, 250, 3_250),
                        tuple(MovementKind.RESTOCK, 500, 3_000), tuple(MovementKind.RESTOCK, 2_500, 2_500));
        // the history table's ± and Left columns
        assertThat(stock.movements()).extracting(m -> stock.inHistoryUnit(m.quantity(), true), m -> stock.inHistoryUnit(m.stockAfter(), false))
                .containsExactly(tuple("-1.250 kg", "2.000 kg"), tuple("+250 g", "3.250 kg"), tuple("+500 g", "3.000 kg"),
                        tuple("+2.500 kg", "2.500 kg"));

        choose("FB");
        assertThat(stock.restockPrompt().get()).isEqualTo("Quantity");
        assertThat(stock.movements()).extracting(m -> stock.inHistoryUnit(m.quantity(), true)).containsExactly("+2");
    }

    @Test
    void aBareNumberForAWeighedSweetIsRefusedAndChangesNothing() {
        choose("PM");
        List<Object> before = state();
        stock.restock("500", "Sweetco delivery 43");
        assertThat(status.messageProperty().get())
                .isEqualTo("Give the weight with its unit, e.g. 250g or 0.25kg: '500' could be grams or kilograms.");
        assertThat(status.errorProperty().get()).isTrue();
        stock.stocktake("3");
        assertThat(status.messageProperty().get())
                .isEqualTo("Give the weight with its unit, e.g. 250g or 0.25kg: '3' could be grams or kilograms.");
        stock.restock("0.0005kg", "");
        assertThat(status.messageProperty().get()).isEqualTo("'0.0005kg' is finer than a gram: weights are whole grams.");
        stock.restock("2000kg", "");
        assertThat(status.messageProperty().get()).startsWith("Quantity must be from 1 g to 1000.000 kg");
        assertThat(state()).isEqualTo(before);

        // a counted sweet takes pieces, not a weight
        choose("FB");
        stock.restock("500g", "");
        assertThat(status.messageProperty().get()).isEqualTo("Quantity must be a whole number such as 12, not '500g'.");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void lowStockIsInTheSweetsUnit() {
        choose("PM");
        stock.stocktake("400g");
        assertThat(status.messageProperty().get()).isEqualTo("Counted Pick & Mix: 400 g (adjusted by -2.100 kg).");
        SweetView low = stock.lowStock().stream().filter(s -> s.sku().equals("PM")).findFirst().orElseThrow();
        assertThat(List.of(SweetFigures.stock(low), SweetFigures.reorder(low))).containsExactly("400 g", "500 g");
        assertThat(office.catalogue().selectedProperty().get().stock()).isEqualTo(400);
    }
}
