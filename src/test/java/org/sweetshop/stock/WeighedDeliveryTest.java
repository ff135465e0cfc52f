package org.sweetshop.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.ImportError;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditLogFilter;
import org.sweetshop.testing.BadInputCase;
import org.sweetshop.testing.Race;

/**
 * A delivery of weighed sweets (issue 10): {@code 500g} and {@code 1.5kg} lines restock grams, counts
 * restock pieces, all in one transaction; a bare number for a weighed sweet is an error of its row;
 * weighed sales racing the delivery lose nothing.
 */
class WeighedDeliveryTest extends BadInputCase {

    private DeliveryImport.Preview preview(String csv) {
        return app.deliveryImport().preview(new StringReader(csv));
    }

    private void weighed(String sku, String perKg, int grams) {
        office.catalog().add(manager, NewSweet.weighed(sku, "Loose " + sku, "Loose", new BigDecimal(perKg), grams, 0, null), "T0");
    }

    @Test
    void aDeliveryInGramsAndPiecesRestocksExactly() {
        weighed("PNM", "14.99", 1_000);
        weighed("JB", "9.50", 0);
        weighed("CL", "11.00", 250);
        sweet("FB", "0.85", 3);

        var result = app.deliveryImport().apply(manager, preview("sku,qty\nPNM,500g\nJB,1.5kg\nFB,12\nCL,2.5 KG\n"), "T1", "note 4412");

        assertThat(result.units()).isEqualTo(12);
        assertThat(result.grams()).isEqualTo(4_500);
        assertThat(result.changes()).containsExactly(
                new StockChange("PNM", "Loose PNM", 500, 1_500, "g"),
                new StockChange("JB", "Loose JB", 1_500, 1_500, "g"),
                new StockChange("FB", "Sweet FB", 12, 15, "pcs"),
                new StockChange("CL", "Loose CL", 2_500, 2_750, "g"));
        assertThat(List.of(stockOf("PNM"), stockOf("JB"), stockOf("FB"), stockOf("CL"))).containsExactly(1_500, 1_500, 15, 2_750);
        // one restock movement per line, in the sweet's unit
        for (var sku : List.of("PNM", "JB", "FB", "CL")) {
            var newest = app.stock().movements(sku, 1).get(0);
            assertThat(tuple(newest.kind(), newest.quantity(), newest.stockAfter(), newest.till(), newest.reason())).as(sku)
                    .isEqualTo(tuple(MovementKind.RESTOCK, result.changes().stream().filter(c -> c.sku().equals(sku)).findFirst()
                            .orElseThrow().change(), stockOf(sku), "T1", "note 4412"));
        }
        assertThat(app.stock().movements("JB", 5)).hasSize(1);
        assertThat(app.auditLog().list(manager, new AuditLogFilter(AuditAction.DELIVERY_IMPORT, null, null, 5)))
                .extracting(e -> e.newValue()).containsExactly("4 lines, +12 units, +4500 g");
        assertThat(app.audit().run().ok()).isTrue();
    }

    @Test
    void aBareNumberForAWeighedSweetIsAnErrorOfItsRowAndNothingIsRestocked() {
        weighed("PNM", "14.99", 1_000);
        weighed("JB", "9.50", 0);
        sweet("FB", "0.85", 3);

        var preview = preview("sku,qty\nFB,12\nPNM,500\nJB,1.5kg\n");

        assertThat(preview.errors()).extracting(ImportError::toString).containsExactly(
                "row 3, qty: Give the weight with its unit, e.g. 250g or 0.25kg: '500' could be grams or kilograms");
        assertThat(preview.valid()).extracting(DeliveryImport.Line::sku, DeliveryImport.Line::quantity)
                .containsExactly(tuple("FB", 12), tuple("JB", 1_500));
        var e = refused(InvalidInputException.class, () -> app.deliveryImport().apply(manager, preview, "T1", null));
        assertThat(e).hasMessage("nothing restocked: 1 of 3 rows have errors (first: row 3, qty: Give the weight with its unit, e.g."
                + " 250g or 0.25kg: '500' could be grams or kilograms)");
        assertThat(List.of(stockOf("PNM"), stockOf("JB"), stockOf("FB"))).containsExactly(1_000, 0, 3);
    }

    @Test
    void everyBadWeightIsReportedByRow() {
        weighed("PNM", "14.99", 1_000);
        weighed("JB", "9.50", 0);
        weighed("CL", "11.00", 0);
        weighed("SB", "12.00", 0);
        sweet("FB", "0.85", 3);

        var preview = preview("sku,qty\nPNM,0.5005kg\nJB,0g\nCL,1000.001kg\nFB,500g\nNOPE,2kg\nSB,two kilos\n");

        assertThat(preview.errors()).extracting(ImportError::toString).containsExactly(
                "row 2, qty: '0.5005kg' is finer than a gram: weights are whole grams",
                "row 3, qty: qty must be from 1 g to 1000.000 kg, not 0 g",
                "row 4, qty: qty must be from 1 g to 1000.000 kg, not 1000.001 kg",
                "row 5, qty: This sweet is sold by the piece: give a count, not '500g'",
                "row 6, sku: unknown sweet: no SKU NOPE in the catalogue",
                "row 7, qty: 'two kilos' is not a weight: give grams or kilograms, e.g. 250g or 0.25kg");
        assertThat(preview.valid()).isEmpty();
        refused(InvalidInputException.class, () -> app.deliveryImport().apply(manager, preview, "T1", null));
    }

    @Test
    void weighedSalesRacingADeliveryLoseNothing() {
        // enough at the start for every sale, whenever the delivery falls among them
        weighed("W1", "15.00", 2_400);
        weighed("W2", "12.00", 1_200);
        sweet("A", "1.00", 24);
        var preview = preview("sku,qty\nW1,1.5kg\nW2,500g\nA,50\n");
        List<BasketLine> basket = List.of(line("W1", 100), line("W2", 50), line("A", 1));
        int sellers = 24;

        // worker 0 imports the delivery; the others each sell 100 g of W1, 50 g of W2 and one A, in varying order
        var outcomes = Race.run(sellers + 1, i -> {
            if (i == 0) {
                return app.deliveryImport().apply(manager, preview, "BO", null);
            }
            List<BasketLine> lines = new ArrayList<>();
            for (int k = 0; k < basket.size(); k++) {
                lines.add(basket.get((i + k) % basket.size()));
            }
            return app.sales().checkout(cashier, basket("T" + (i % 4), lines));
        });

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", (long) sellers + 1));
        assertThat(outcomes.subList(1, outcomes.size())).allSatisfy(o -> assertThat(o.value()).isInstanceOf(Receipt.class));
        var delivery = (DeliveryImport.DeliveryResult) outcomes.get(0).value();
        assertThat(List.of(delivery.units(), delivery.grams())).containsExactly(50L, 2_000L);
        assertThat(stockOf("W1")).isEqualTo(2_400 + 1_500 - sellers * 100);
        assertThat(stockOf("W2")).isEqualTo(1_200 + 500 - sellers * 50);
        assertThat(stockOf("A")).isEqualTo(24 + 50 - sellers);
        // the ledger in grams: the opening stock, the delivery's one restock and a sale movement per sale
        assertThat(app.stock().movements("W1", 100)).filteredOn(m -> m.kind() != MovementKind.SALE)
                .extracting(MovementView::kind, MovementView::quantity)
                .containsExactly(tuple(MovementKind.RESTOCK, 1_500), tuple(MovementKind.RESTOCK, 2_400));
        assertThat(app.stock().movements("W1", 100)).filteredOn(m -> m.kind() == MovementKind.SALE)
                .hasSize(sellers).allSatisfy(m -> assertThat(m.quantity()).isEqualTo(-100));
        assertThat(app.audit().run().ok()).isTrue();
    }
}
