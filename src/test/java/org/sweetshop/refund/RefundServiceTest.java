package org.sweetshop.refund;

import org.sweetshop.common.RefundRefusedException;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.Discount;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.stock.MovementView;
import org.sweetshop.stock.MovementKind;
import org.sweetshop.testing.BadInputCase;
import org.sweetshop.testing.Race;

/** Refunds on the real database: stock back once, money split to the cent, never twice, never a deadlock. */
class RefundServiceTest extends BadInputCase {

    private long number(String sql) {
        return org.sweetshop.testing.Sql.queryLong(app.database().dataSource(), sql);
    }

    private RefundService refunds() {
        return app.refunds();
    }

    private Receipt sell(String till, String... items) {
        List<org.sweetshop.sale.BasketLine> lines = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.split(":");
            lines.add(line(parts[0], Integer.parseInt(parts[1])));
        }
        return app.sales().checkout(cashier, basket(till, lines));
    }

    private static List<RefundLine> items(String... items) {
        List<RefundLine> lines = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.split(":");
            lines.add(new RefundLine(parts[0], Integer.parseInt(parts[1])));
        }
        return lines;
    }

    /** Every invariant after each scenario, the refund checks included. */
    @AfterEach
    void auditStillPasses() {
        assertThat(app.audit().run().checks())
                .allSatisfy(check -> assertThat(check.ok()).as(check.name() + " " + check.examples()).isTrue());
    }

    @Test
    void aWholeRefundPutsEveryItemBackOnceAndGivesBackTheTotal() {
        sweet("SL", "1.20", 20);
        sweet("FB", "0.85", 20);
        Receipt receipt = sell("T1", "SL:2", "FB:1");

        RefundView refund = refunds().refund(manager, receipt.receiptNo(), List.of(), "OFFICE", "customer changed mind");

        assertThat(refund.whole()).isTrue();
        assertThat(refund.amount()).isEqualByComparingTo("3.25");
        assertThat(refund.items()).extracting(RefundedItem::sku, RefundedItem::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SL", 2), org.assertj.core.groups.Tuple.tuple("FB", 1));
        assertThat(stockOf("SL")).isEqualTo(20);
        assertThat(stockOf("FB")).isEqualTo(20);
        MovementView back = app.stock().movements("SL", 1).get(0);
        assertThat(back.kind()).isEqualTo(MovementKind.REFUND);
        assertThat(back.quantity()).isEqualTo(2);
        assertThat(back.saleId()).isEqualTo(receipt.saleId());
        assertThat(back.staff()).isEqualTo("manager");
        assertThat(back.till()).isEqualTo("OFFICE");
        assertThat(refunds().refundsOf(receipt.receiptNo())).singleElement()
                .satisfies(r -> {
                    assertThat(r.amount()).isEqualByComparingTo("3.25");
                    assertThat(r.manager()).isEqualTo("manager");
                    assertThat(r.reason()).isEqualTo("customer changed mind");
                    assertThat(r.items()).hasSize(2);
                });

        RefundRefusedException again = refused(RefundRefusedException.class,
                () -> refunds().refund(owner, receipt.receiptNo(), null, "OFFICE", null));
        assertThat(again.reason()).isEqualTo(RefundRefusedException.Reason.ALREADY_REFUNDED);
        assertThat(again.getMessage()).contains("already refunded", receipt.receiptNo());
        RefundRefusedException anItem = refused(RefundRefusedException.class,
                () -> refunds().refund(manager, receipt.receiptNo(), items("SL:1"), "OFFICE", null));
        assertThat(anItem.reason()).isEqualTo(RefundRefusedException.Reason.ALREADY_REFUNDED);
    }

    @Test
    void itemsAreRefundedUpToWhatWasSoldThenRefused() {
        sweet("SL", "1.20", 20);
        sweet("FB", "0.85", 20);
        Receipt receipt = sell("T1", "SL:5", "FB:2");

        RefundView first = refunds().refund(manager, receipt.receiptNo(), items("SL:2"), "T1", null);
        RefundRefusedException tooMany = refused(RefundRefusedException.class,
                () -> refunds().refund(manager, receipt.receiptNo(), items("SL:4"), "T1", null));
        RefundView second = refunds().refund(manager, receipt.receiptNo(), items("SL:1", "SL:2", "FB:1"), "T1", null);
        RefundRefusedException gone = refused(RefundRefusedException.class,
                () -> refunds().refund(manager, receipt.receiptNo(), items("SL:1"), "T1", null));
        RefundRefusedException whole = refused(RefundRefusedException.class,
                () -> refunds().refund(manager, receipt.receiptNo(), List.of(), "T1", null));

        assertThat(first.amount()).isEqualByComparingTo("2.40");
        assertThat(first.whole()).isFalse();
        assertThat(tooMany.reason()).isEqualTo(RefundRefusedException.Reason.MORE_THAN_SOLD);
        assertThat(tooMany.getMessage()).isEqualTo("too many: only 3 of SL on receipt T1-000001 can still be refunded, not 4");
        assertThat(tooMany.details()).containsEntry("left", 3);
        assertThat(second.items()).extracting(RefundedItem::sku, RefundedItem::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SL", 3), org.assertj.core.groups.Tuple.tuple("FB", 1));
        assertThat(second.amount()).isEqualByComparingTo("4.45");
        assertThat(gone.reason()).isEqualTo(RefundRefusedException.Reason.ALREADY_REFUNDED);
        assertThat(whole.reason()).isEqualTo(RefundRefusedException.Reason.ALREADY_REFUNDED);
        assertThat(stockOf("SL")).isEqualTo(20);
        assertThat(stockOf("FB")).isEqualTo(19);
        // the last FB can still go back
        assertThat(refunds().refund(manager, receipt.receiptNo(), items("FB:1"), "T1", null).amount()).isEqualByComparingTo("0.85");
        assertThat(refunds().refundsOf(receipt.receiptNo())).hasSize(3);
    }

    @Test
    void refundsOfEveryLineAddUpToTheSaleTotalWithCouponAndPromoAndOddCents() {
        sweet("A", "0.33", 100);
        sweet("B", "1.01", 100);
        sweet("C", "2.99", 100);
        String token = office.coupons().issue(manager, 1, Discount.percent(new BigDecimal("15")), null).get(0).token();
        office.promos().add(manager, new NewPromo("ODD", Discount.amount(new BigDecimal("0.07")), 10, null, null));
        Receipt receipt = app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1",
                List.of(line("A", 3), line("B", 7), line("C", 1)), token, "ODD", Payment.card()));
        assertThat(receipt.discount().signum()).isPositive();

        // one unit at a time, lines interleaved
        BigDecimal back = BigDecimal.ZERO;
        Map<String, Integer> sold = Map.of("A", 3, "B", 7, "C", 1);
        for (int round = 0; round < 7; round++) {
            for (String sku : List.of("C", "B", "A")) {
                if (round < sold.get(sku)) {
                    back = back.add(refunds().refund(manager, receipt.receiptNo(), items(sku + ":1"), "T1", null).amount());
                }
            }
        }
        Receipt same = app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T2",
                List.of(line("A", 3), line("B", 7), line("C", 1)), null, "ODD", Payment.card()));
        RefundView whole = refunds().refund(manager, same.receiptNo(), List.of(), "T2", null);

        assertThat(back).isEqualByComparingTo(receipt.total());
        assertThat(refunds().refundsOf(receipt.receiptNo())).hasSize(11);
        assertThat(whole.amount()).isEqualByComparingTo(same.total());
        assertThat(whole.items().stream().map(RefundedItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(same.total());
        // the coupon stays redeemed and the promo's uses stay used
        assertThat(app.coupons().preview(token).usable()).isFalse();
        assertThat(app.promos().find("ODD").uses()).isEqualTo(2);
        assertThat(stockOf("A")).isEqualTo(100);
        assertThat(stockOf("B")).isEqualTo(100);
        assertThat(stockOf("C")).isEqualTo(100);
    }

    @Test
    void tenConcurrentWholeRefundsOfOneReceiptRefundItExactlyOnce() {
        sweet("SL", "1.20", 20);
        sweet("FB", "0.85", 20);
        Receipt receipt = sell("T1", "SL:4", "FB:3");

        var outcomes = Race.run(10, i -> refunds().refund(i % 2 == 0 ? manager : owner, receipt.receiptNo(), List.of(), "T" + i, null));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 1L, "ALREADY_REFUNDED", 9L));
        assertThat(stockOf("SL")).isEqualTo(20);
        assertThat(stockOf("FB")).isEqualTo(20);
        assertThat(refunds().refundsOf(receipt.receiptNo())).singleElement()
                .satisfies(r -> assertThat(r.amount()).isEqualByComparingTo(receipt.total()));
        assertThat(number("select count(*) from stock_movement where kind = 'REFUND'")).isEqualTo(2);
    }

    @Test
    void tenConcurrentOneItemRefundsOfFiveSoldRefundExactlyFive() {
        sweet("SL", "1.20", 20);
        Receipt receipt = sell("T1", "SL:5");

        var outcomes = Race.run(10, i -> refunds().refund(manager, receipt.receiptNo(), items("SL:1"), "T" + i, null));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 5L, "ALREADY_REFUNDED", 5L));
        assertThat(stockOf("SL")).isEqualTo(20);
        assertThat(number("select refunded from sale_line")).isEqualTo(5);
    }

    @Test
    void refundsRacingSalesOfTheSameSweetsNeverDeadlockAndStockIsExact() {
        sweet("SL", "1.20", 100);
        sweet("FB", "0.85", 100);
        sweet("GB", "0.50", 100);
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            receipts.add(sell("T1", "GB:1", "FB:2", "SL:3").receiptNo());
        }
        long deadlocksBefore = app.database().transactor().stats().deadlocks();

        // 10 whole refunds (sale row, then sweets by id) against 10 sales of the same sweets listed in reverse
        var outcomes = Race.run(20, i -> i < 10
                ? refunds().refund(manager, receipts.get(i), List.of(), "OFFICE", null).receiptNo()
                : sell("T2", "SL:1", "FB:1", "GB:1").receiptNo());

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 20L));
        assertThat(app.database().transactor().stats().deadlocks()).isEqualTo(deadlocksBefore);
        assertThat(stockOf("SL")).isEqualTo(90);
        assertThat(stockOf("FB")).isEqualTo(90);
        assertThat(stockOf("GB")).isEqualTo(90);
    }

    @Test
    void aCashierIsRefusedAndNothingChanges() {
        sweet("SL", "1.20", 20);
        Receipt receipt = sell("T1", "SL:2");

        NotPermittedException refused = refused(NotPermittedException.class,
                () -> refunds().refund(cashier, receipt.receiptNo(), List.of(), "T1", null));
        refused(NotPermittedException.class, () -> refunds().refund(null, receipt.receiptNo(), List.of(), "T1", null));

        assertThat(refused.getMessage()).isEqualTo("not permitted: a cashier cannot refund a sale (needs a manager)");
        assertThat(stockOf("SL")).isEqualTo(18);
    }

    @Test
    void aDeactivatedManagerIsRefused() {
        sweet("SL", "1.20", 20);
        Receipt receipt = sell("T1", "SL:2");
        office.staff().deactivate(owner, "manager");

        refused(NotPermittedException.class, () -> refunds().refund(manager, receipt.receiptNo(), List.of(), "T1", null));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        sweet("SL", "1.20", 20);
        sweet("FB", "0.85", 20);
        String no = sell("T1", "SL:2").receiptNo();

        assertThat(refused(org.sweetshop.common.NotFoundException.class,
                () -> refunds().refund(manager, "T9-000001", List.of(), "T1", null)).getMessage())
                .isEqualTo("unknown receipt: there is no receipt T9-000001");
        refused(org.sweetshop.common.NotFoundException.class, () -> refunds().refund(manager, "T1-000002", items("SL:1"), "T1", null));
        for (String receipt : new String[] {null, "", "garbage", "T1-1", TEN_KB, DROP_TABLE, OR_TRUE, "T1-000001x", "T1 000001"}) {
            refused(org.sweetshop.common.InvalidInputException.class, () -> refunds().refund(manager, receipt, List.of(), "T1", null));
        }
        assertThat(refused(RefundRefusedException.class, () -> refunds().refund(manager, no, items("NOPE:1"), "T1", null)).reason())
                .isEqualTo(RefundRefusedException.Reason.NOT_IN_SALE);
        assertThat(refused(RefundRefusedException.class, () -> refunds().refund(manager, no, items("FB:1"), "T1", null)).getMessage())
                .isEqualTo("not on this receipt: FB was not sold on receipt T1-000001");
        assertThat(refused(RefundRefusedException.class, () -> refunds().refund(manager, no, items("SL:3"), "T1", null)).reason())
                .isEqualTo(RefundRefusedException.Reason.MORE_THAN_SOLD);
        for (int quantity : new int[] {0, -1, Integer.MIN_VALUE, 10_000, Integer.MAX_VALUE}) {
            refused(org.sweetshop.common.InvalidInputException.class,
                    () -> refunds().refund(manager, no, List.of(new RefundLine("SL", quantity)), "T1", null));
        }
        refused(org.sweetshop.common.InvalidInputException.class,
                () -> refunds().refund(manager, no, items("SL:5000", "SL:5000"), "T1", null));
        List<RefundLine> withNull = new ArrayList<>();
        withNull.add(null);
        refused(org.sweetshop.common.InvalidInputException.class, () -> refunds().refund(manager, no, withNull, "T1", null));
        for (String sku : new String[] {null, "", TEN_KB, DROP_TABLE, "S L"}) {
            refused(org.sweetshop.common.InvalidInputException.class,
                    () -> refunds().refund(manager, no, List.of(new RefundLine(sku, 1)), "T1", null));
        }
        List<RefundLine> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(new RefundLine("S" + i, 1));
        }
        refused(org.sweetshop.common.InvalidInputException.class, () -> refunds().refund(manager, no, tooMany, "T1", null));
        refused(org.sweetshop.common.InvalidInputException.class, () -> refunds().refund(manager, no, List.of(), TEN_KB, null));
        refused(org.sweetshop.common.InvalidInputException.class, () -> refunds().refund(manager, no, List.of(), "T1", TEN_KB));
        refused(org.sweetshop.common.InvalidInputException.class, () -> refunds().refund(manager, no, List.of(), "T1", "a\u0000b"));

        assertThat(stockOf("SL")).isEqualTo(18);
        assertThat(refunds().refundsOf(no)).isEmpty();
    }
}
