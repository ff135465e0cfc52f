package org.sweetshop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweetshop.common.Discount;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.shift.ShiftService;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Sql;

/** Each audit check passes on a busy store and catches the damage it is there for. */
class AuditServiceTest extends DatabaseTest {

    private void busyStore() {
        sweet("SL", "1.20", 20);
        sweet("FB", "0.85", 20);
        String token = app.coupons().issue(manager, 1, Discount.percent(BigDecimal.TEN), null).get(0).token();
        app.promos().add(manager, new NewPromo("TEN", Discount.amount(new BigDecimal("0.10")), 5, null, null));
        ShiftService shifts = new ShiftService(app.database().transactor(), Clock.systemUTC());
        shifts.open(cashier, "T1", new BigDecimal("20.00"));
        shifts.open(cashier, "T2", new BigDecimal("20.00"));
        app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("SL", 2), line("FB", 1)), token, "TEN",
                Payment.cash(new BigDecimal("10"))));
        shifts.close(manager, "T1", new BigDecimal("25.00"));
        app.sales().checkout(cashier, basket("T2", List.of(line("FB", 3))));
        app.stock().restock(manager, "SL", 4, "OFFICE", "delivery");
        app.stock().stocktake(manager, "FB", 15, "OFFICE", "count");
        app.refunds().refund(manager, "T2-000001", List.of(new RefundLine("FB", 1)), "OFFICE", "broken");
        app.refunds().refund(manager, "T1-000001", List.of(), "OFFICE", null);
    }

    private void tamper(String sql) {
        Sql.execute(app.database().dataSource(), sql);
    }

    @Test
    void aBusyStorePassesEveryCheck() {
        busyStore();

        AuditReport report = app.audit().run();

        assertThat(report.checks()).hasSize(20).allSatisfy(c -> assertThat(c.ok()).as(c.name() + " " + c.examples()).isTrue());
        assertThat(report.ok()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "stock-equals-movements|update sweet set stock = stock + 1, movements = movements where sku = 'SL'",
            "stock-ledger-chain|update stock_movement set stock_after = stock_after + 1 where seq = 1 and sweet_id = (select id from sweet where sku = 'FB')",
            "coupon-redemption-matches-sale|update coupon set status = 'ISSUED', redeemed_sale_id = null, redeemed_at = null",
            "promo-uses-match-sales|update promo set uses = uses + 1",
            "receipt-gapless-per-till|update till_counter set last_number = last_number + 1 where till = 'T2'",
            "sale-totals-add-up|update sale_line set quantity = quantity + 1, line_total = unit_price * (quantity + 1) where sku = 'FB' and sale_id in (select id from sale where till = 'T2')",
            "sale-lines-match-movements|update stock_movement set quantity = quantity - 1, stock_after = stock_after - 1 where kind = 'SALE' and seq = (select max(seq) from stock_movement m2 where m2.sweet_id = stock_movement.sweet_id and m2.kind = 'SALE')",
            "offline-discrepancies-move-no-stock|insert into offline_conflict (sale_id, till, sold_at, replayed_at, reason) select id, till, created_at, created_at, 'forged' from sale where till = 'T2' order by receipt_seq limit 1",
            "sale-lines-match-movements|delete from stock_movement where id = (select max(id) from stock_movement where kind = 'SALE')",
            "refunds-within-sales|update sale_line set refunded = 0",
            "refunds-within-sales|update refund set amount = amount + 0.01 where whole",
            "refund-lines-match-movements|update stock_movement set quantity = quantity + 1, stock_after = stock_after + 1 where kind = 'REFUND' and sweet_id = (select id from sweet where sku = 'SL')",
            "shift-reports-match-sales|update shift set sales = 0, gross = 0, coupon_discounts = 0, promo_discounts = 0, net = 0, cash_sales = 0, card_sales = 0, first_receipt_seq = null, last_receipt_seq = null where closed_at is not null",
            "shifts-do-not-overlap|insert into shift (id, till, opened_by, opened_at, opening_float, open_receipt_seq) select id + 1000000, till, opened_by, opened_at, 0, 0 from shift where till = 'T1'"})
    void damageIsCaughtByItsCheck(String check, String damage) throws Exception {
        busyStore();

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
