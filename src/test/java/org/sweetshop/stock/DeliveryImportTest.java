package org.sweetshop.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.ImportError;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.sale.Receipt;
import org.sweetshop.testing.BadInputCase;
import org.sweetshop.testing.Race;

/** A delivery from CSV (sku,qty): every line restocked in one transaction, or none; sales racing it lose nothing. */
class DeliveryImportTest extends BadInputCase {

    private DeliveryImport.Preview preview(String csv) {
        return app.deliveryImport().preview(new StringReader(csv));
    }

    @Test
    void aDeliveryRestocksEveryLineWithItsMovement() {
        sweet("SL", "1.20", 3);
        sweet("TF", "2.00", 0);

        var result = app.deliveryImport().apply(manager, preview("sku,qty\nSL,12\nTF,5\n"), "T1", "note 4411");

        assertThat(result.units()).isEqualTo(17);
        assertThat(result.changes()).containsExactly(new StockChange("SL", "Sweet SL", 12, 15), new StockChange("TF", "Sweet TF", 5, 5));
        assertThat(app.stock().movements("TF", 5).get(0).reason()).isEqualTo("note 4411");
        assertThat(app.audit().run().ok()).isTrue();
    }

    @Test
    void everyBadLineIsReportedAndNothingIsRestocked() {
        sweet("SL", "1.20", 3);
        sweet("TF", "2.00", 0);

        var preview = preview("sku,qty\nSL,12\nNOPE,1\nTF,0\nSL,3\nTF,100001\nTF\n,4\nTF,-2\nTF,2.5\n");

        assertThat(preview.errors()).extracting(ImportError::toString).containsExactly(
                "row 3, sku: unknown sweet: no SKU NOPE in the catalogue",
                "row 4, qty: qty must be between 1 and 100000, not 0",
                "row 5, sku: SKU SL is already on row 2 of this file: one line per sweet",
                "row 6, sku: SKU TF is already on row 4 of this file: one line per sweet",
                "row 6, qty: qty must be between 1 and 100000, not 100001",
                "row 7, row: the row has 1 values, the header 2 (sku,qty)",
                "row 8, sku: sku is missing",
                "row 9, sku: SKU TF is already on row 4 of this file: one line per sweet",
                "row 9, qty: qty must be between 1 and 100000, not -2",
                "row 10, sku: SKU TF is already on row 4 of this file: one line per sweet",
                "row 10, qty: qty must be a whole number, not '2.5'");
        var e = refused(InvalidInputException.class, () -> app.deliveryImport().apply(manager, preview, "T1", null));
        assertThat(e).hasMessageStartingWith("nothing restocked: 8 of 9 rows have errors (first: row 3, sku: unknown sweet");
    }

    @Test
    void aCashierCannotImportADelivery() {
        sweet("SL", "1.20", 3);
        var preview = preview("sku,qty\nSL,12\n");

        refused(NotPermittedException.class, () -> app.deliveryImport().apply(cashier, preview, "T1", null));
    }

    @Test
    void aWrongHeaderIsRefusedWhole() {
        sweet("SL", "1.20", 3);

        var e = refused(InvalidInputException.class, () -> preview("sku,quantity\nSL,1\n"));

        assertThat(e).hasMessage("the first line must be the header sku,qty, not 'sku,quantity'");
    }

    @Test
    void salesRacingADeliveryLoseNothing() {
        List<String> skus = List.of("A", "B", "C", "D", "E");
        StringBuilder csv = new StringBuilder("sku,qty\n");
        for (String sku : skus) {
            // enough for every sale, whenever the delivery falls among them: a shortfall is not what this tests
            sweet(sku, "1.00", 24);
            csv.append(sku).append(",50\n");
        }
        var preview = preview(csv.toString());
        int sellers = 24;

        // worker 0 imports the delivery; the others each sell one of every sweet, in varying order
        var outcomes = Race.run(sellers + 1, i -> {
            if (i == 0) {
                return app.deliveryImport().apply(manager, preview, "BO", null);
            }
            List<org.sweetshop.sale.BasketLine> lines = new ArrayList<>();
            for (int k = 0; k < skus.size(); k++) {
                lines.add(line(skus.get((i + k) % skus.size()), 1));
            }
            return app.sales().checkout(cashier, basket("T" + (i % 4), lines));
        });

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", (long) sellers + 1));
        assertThat(outcomes.subList(1, outcomes.size())).allSatisfy(o -> assertThat(o.value()).isInstanceOf(Receipt.class));
        for (String sku : skus) {
            // 24 at the start + 50 delivered - 24 sold
            assertThat(stockOf(sku)).as(sku).isEqualTo(50);
        }
        assertThat(app.audit().run().ok()).isTrue();
    }
}
