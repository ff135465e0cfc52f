package org.sweetshop.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.testing.DatabaseTest;

/** Low stock and stocktakes of weighed sweets (issue 10): reorder levels and counts in grams. */
class WeighedStockTest extends DatabaseTest {

    private void weighed(String sku, int grams, int reorderGrams) {
        office.catalog().add(manager, NewSweet.weighed(sku, "Loose " + sku, "Loose", new BigDecimal("12.00"), grams, reorderGrams, null), "T0");
    }

    @Test
    void aWeighedSweetAtOrBelowItsReorderGramsIsLowAndAboveIsNot() {
        weighed("AT", 500, 500);
        weighed("BELOW", 499, 500);
        weighed("ABOVE", 501, 500);
        weighed("EMPTY", 0, 250);
        weighed("NONE", 0, 0);
        sweet("FB", "0.85", 3);         // counted, reorder level 0: not low

        assertThat(app.stock().lowStock()).extracting(SweetView::sku).containsExactlyInAnyOrder("AT", "BELOW", "EMPTY", "NONE");

        // a sale of one gram takes ABOVE to its reorder level; a restock of one gram takes AT above it
        app.sales().checkout(cashier, basket("T1", java.util.List.of(line("ABOVE", 1))));
        office.stock().restock(manager, "AT", 1, "T0", null);

        assertThat(app.stock().lowStock()).extracting(SweetView::sku, SweetView::stock, SweetView::reorderLevel)
                .containsExactlyInAnyOrder(tuple("ABOVE", 500, 500), tuple("BELOW", 499, 500), tuple("EMPTY", 0, 250),
                        tuple("NONE", 0, 0));
    }

    @Test
    void aStocktakeOfAWeighedSweetRecordsTheGramDifferenceAsAnAdjustment() {
        weighed("PNM", 2_500, 500);

        StockChange down = app.stock().stocktake(manager, "PNM", 2_380, "OFFICE", "weighed the jar");
        StockChange up = app.stock().stocktake(manager, "PNM", 2_400, "OFFICE", null);
        StockChange same = app.stock().stocktake(manager, "PNM", 2_400, "OFFICE", null);

        assertThat(down).isEqualTo(new StockChange("PNM", "Loose PNM", -120, 2_380, "g"));
        assertThat(up).isEqualTo(new StockChange("PNM", "Loose PNM", 20, 2_400, "g"));
        assertThat(same).isEqualTo(new StockChange("PNM", "Loose PNM", 0, 2_400, "g"));
        assertThat(app.stock().movements("PNM", 10)).extracting(MovementView::kind, MovementView::quantity, MovementView::stockAfter,
                        MovementView::reason)
                .containsExactly(
                        tuple(MovementKind.ADJUSTMENT, 20, 2_400, "stocktake"),
                        tuple(MovementKind.ADJUSTMENT, -120, 2_380, "weighed the jar"),
                        tuple(MovementKind.RESTOCK, 2_500, 2_500, "opening stock"));
        assertThat(stockOf("PNM")).isEqualTo(2_400);
        assertThat(app.audit().run().ok()).isTrue();
    }
}
