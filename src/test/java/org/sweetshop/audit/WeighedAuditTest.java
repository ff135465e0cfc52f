package org.sweetshop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweetshop.common.Discount;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.WeighedSweets;

/** The audit with weighed sweets: every check holds after weighed sales and partial refunds in grams, and damage is caught. */
class WeighedAuditTest extends DatabaseTest {

    /**
     * T1-000001: 253 g PM (3.79) + 3 FU (3.60) with a 0.50 promo; T1-000002: 997 g PM (14.95); 100 g and
     * then 53 g of the first PM line refunded, the second receipt refunded whole; a restock and a stocktake in grams.
     */
    @BeforeEach
    void weighedSalesAndRefunds() {
        WeighedSweets.add(office, manager, "PM", "14.99", 2_000);
        sweet("FU", "1.20", 10);
        app.promos().add(manager, new NewPromo("HALF", Discount.amount(new BigDecimal("0.50")), null, null, null));
        app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("PM", 253), line("FU", 3)), null,
                "HALF", Payment.card()));
        app.sales().checkout(cashier, basket("T1", List.of(line("PM", 997))));
        app.refunds().refund(manager, "T1-000001", List.of(RefundLine.typed("PM", "100g")), "OFFICE", null);
        app.refunds().refund(manager, "T1-000001", List.of(RefundLine.typed("PM", "0.053kg"), RefundLine.typed("FU", "1")), "OFFICE", null);
        app.refunds().refund(manager, "T1-000002", List.of(), "OFFICE", null);
        app.stock().restock(manager, "PM", 500, "OFFICE", "delivery");
        app.stock().stocktake(manager, "PM", 2_100, "OFFICE", "weighed the jars");
    }

    private void tamper(String sql) {
        Sql.execute(app.database().dataSource(), sql);
    }

    @Test
    void everyCheckPassesAfterWeighedSalesAndPartialRefunds() {
        AuditReport report = app.audit().run();

        assertThat(report.checks()).hasSize(20).allSatisfy(c -> assertThat(c.ok()).as(c.name() + " " + c.examples()).isTrue());
        assertThat(report.ok()).isTrue();
        assertThat(stockOf("PM")).isEqualTo(2_100);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a weighed line passed off as pieces: the line-total constraint holds (price x quantity), the sweet says grams
            "sale-lines-priced-by-kind|update sale_line set sold_by = 'COUNTED', line_total = unit_price * quantity where sku = 'PM' and quantity = 997",
            "refunds-within-line-totals|update refund_line set amount = amount + 20 where sale_line_id = (select id from sale_line where sku = 'PM' and quantity = 253) and quantity = 100",
            "refunds-within-sales|update sale_line set refunded = refunded + 1 where sku = 'PM' and quantity = 253",
            "refund-lines-match-movements|update stock_movement set quantity = quantity + 1, stock_after = stock_after + 1 where kind = 'REFUND' and quantity = 100",
            "sale-lines-match-movements|update sale_line set quantity = 998, line_total = round(unit_price * 998 / 1000, 2) where sku = 'PM' and quantity = 997"})
    void damageToAWeighedLineIsCaughtByItsCheck(String check, String damage) {
        tamper(damage);
        AuditReport report = app.audit().run();

        assertThat(report.ok()).isFalse();
        assertThat(report.checks()).filteredOn(c -> c.name().equals(check)).singleElement()
                .satisfies(c -> {
                    assertThat(c.ok()).isFalse();
                    assertThat(c.problems()).isPositive();
                    assertThat(c.examples()).isNotEmpty();
                });
    }
}
