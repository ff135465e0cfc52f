package org.sweetshop.ui.office.stock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.stock.MovementKind;
import org.sweetshop.stock.MovementView;
import org.sweetshop.ui.office.OfficeTest;
import org.sweetshop.ui.office.catalogue.CatalogueViewModel;

/** The stock model: restock and stocktake of the chosen sweet, its history. */
class StockViewModelTest extends OfficeTest {

    private CatalogueViewModel catalogue;
    private StockViewModel stock;

    @BeforeEach
    void tabs() {
        catalogue = office.catalogue();
        stock = office.stock();
    }

    @Test
    void restockStocktakeAndPriceChangeShowInTheHistory() {
        choose("FB");
        stock.restock("10", "Sweetco delivery 42");
        assertThat(status.messageProperty().get()).isEqualTo("Restocked Sweet FB: +10, now 12.");
        stock.stocktake("11");
        assertThat(status.messageProperty().get()).isEqualTo("Counted Sweet FB: 11 (adjusted by -1).");
        catalogue.changePrice("0.95");
        assertThat(status.messageProperty().get()).isEqualTo("The price of Sweet FB is now 0.95 (was 0.85).");

        assertThat(stockOf("FB")).isEqualTo(11);
        assertThat(stock.movements()).extracting(MovementView::kind, MovementView::quantity, MovementView::stockAfter)
                .startsWith(org.assertj.core.groups.Tuple.tuple(MovementKind.ADJUSTMENT, -1, 11),
                        org.assertj.core.groups.Tuple.tuple(MovementKind.RESTOCK, 10, 12));
        assertThat(catalogue.selectedProperty().get().price()).isEqualByComparingTo("0.95");
    }

    @Test
    void aCountThatMatchesChangesNothingButIsSaid() {
        choose("SL");
        stock.stocktake("5");
        assertThat(status.messageProperty().get()).isEqualTo("Counted Sweet SL: 5 (no difference).");
        stock.restock("-3", "");
        assertThat(status.messageProperty().get()).isEqualTo("Quantity must be a whole number such as 12, not '-3'.");
        assertThat(stockOf("SL")).isEqualTo(5);
    }

    @Test
    void actionsNeedASweetChosenFirst() {
        stock.restock("3", "");
        assertThat(status.messageProperty().get()).isEqualTo("Choose a sweet in the table first.");
    }
}
