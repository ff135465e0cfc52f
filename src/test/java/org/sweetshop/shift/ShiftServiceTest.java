package org.sweetshop.shift;

import org.sweetshop.common.ShiftRefusedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.Discount;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.testing.BadInputCase;
import org.sweetshop.testing.Race;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestClock;

class ShiftServiceTest extends BadInputCase {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

    private ShiftService shifts;
    private TestClock clock;

    @BeforeEach
    void shiftsAndSweets() {
        clock = new TestClock(NINE, Duration.ZERO);
        shifts = new ShiftService(app.database().transactor(), clock);
        sweet("A", "1.20", 1000);
        sweet("B", "2.50", 1000);
    }

    private Receipt sell(String till, Payment payment, String coupon, String promo, Object... skuAndQuantity) {
        List<org.sweetshop.sale.BasketLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(line((String) skuAndQuantity[i], (Integer) skuAndQuantity[i + 1]));
        }
        return app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), till, lines, coupon, promo, payment));
    }

    private Receipt card(String till, Object... skuAndQuantity) {
        return sell(till, Payment.card(), null, null, skuAndQuantity);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private String coupon(String amount) {
        return office.coupons().issue(manager, 1, Discount.amount(money(amount)), null).get(0).token();
    }

    @Test
    void theZReportAddsUpExactlyTheShiftsSalesAtItsTill() {
        office.promos().add(manager, new NewPromo("HALF", Discount.percent(money("50")), null, null, null));
        office.promos().add(manager, new NewPromo("TENPC", Discount.percent(money("10")), null, null, null));
        card("T1", "A", 1);                       // T1-000001: before the shift
        card("T2", "B", 1);                       // another till

        ShiftView open = shifts.open(cashier, "T1", money("50.00"));
        assertThat(open.till()).isEqualTo("T1");
        assertThat(open.openedBy()).isEqualTo("cashier");
        assertThat(open.openedAt()).isEqualTo(NINE);
        assertThat(open.openingFloat()).isEqualByComparingTo("50.00");
        assertThat(shifts.current("T1")).contains(open);

        clock.advance(Duration.ofHours(8));
        Receipt first = sell("T1", Payment.cash(money("10.00")), null, null, "A", 2, "B", 1);      // 4.90 cash
        sell("T1", Payment.card(), coupon("2.00"), null, "B", 4);                                 // 10.00 - 2.00 card
        card("T2", "A", 3);                                                                        // another till
        sell("T1", Payment.card(), null, "HALF", "A", 2);                                          // 2.40 - 1.20 card
        Receipt last = sell("T1", Payment.cash(money("6.00")), coupon("1.00"), "TENPC", "B", 3);  // 7.50 - 1.00 - 0.65 cash
        assertThat(last.total()).isEqualByComparingTo("5.85");

        ZReport z = shifts.close(manager, "T1", money("60.50"));

        assertThat(z.shiftId()).isEqualTo(open.id());
        assertThat(z.till()).isEqualTo("T1");
        assertThat(z.openedBy()).isEqualTo("cashier");
        assertThat(z.openedAt()).isEqualTo(NINE);
        assertThat(z.closedBy()).isEqualTo("manager");
        assertThat(z.closedAt()).isEqualTo(NINE.plus(Duration.ofHours(8)));
        assertThat(z.sales()).isEqualTo(4);
        assertThat(z.gross()).isEqualTo(money("24.80"));
        assertThat(z.couponDiscounts()).isEqualTo(money("3.00"));
        assertThat(z.promoDiscounts()).isEqualTo(money("1.85"));
        assertThat(z.net()).isEqualTo(money("19.95"));
        assertThat(z.cashSales()).isEqualTo(money("10.75"));
        assertThat(z.cardSales()).isEqualTo(money("9.20"));
        assertThat(z.openingFloat()).isEqualTo(money("50.00"));
        assertThat(z.cashExpected()).isEqualTo(money("60.75"));
        assertThat(z.countedCash()).isEqualTo(money("60.50"));
        assertThat(z.difference()).isEqualTo(money("-0.25"));
        assertThat(z.firstReceipt()).isEqualTo("T1-000002").isEqualTo(first.receiptNo());
        assertThat(z.lastReceipt()).isEqualTo("T1-000005").isEqualTo(last.receiptNo());
        assertThat(shifts.current("T1")).isEmpty();

        card("T1", "A", 1);                       // after the close
        assertThat(shifts.zReport(open.id())).as("a reprint").contains(z);
        assertThat(shifts.lastZReport("T1")).contains(z);
        assertThat(app.audit().run().ok()).as("the audit after shifts").isTrue();
    }

    @Test
    void eachShiftCountsOnlyTheSalesMadeWhileItWasOpen() {
        shifts.open(cashier, "T1", money("10.00"));
        card("T1", "A", 1);
        ZReport morning = shifts.close(cashier, "T1", money("10.00"));
        card("T1", "B", 1);                       // between shifts: in neither
        shifts.open(manager, "T1", money("20.00"));
        sell("T1", Payment.cash(money("5.00")), null, null, "B", 1);
        ZReport afternoon = shifts.close(manager, "T1", money("22.50"));

        assertThat(morning.sales()).isEqualTo(1);
        assertThat(morning.net()).isEqualTo(money("1.20"));
        assertThat(morning.firstReceipt()).isEqualTo("T1-000001");
        assertThat(morning.lastReceipt()).isEqualTo("T1-000001");
        assertThat(morning.difference()).isEqualTo(money("0.00"));
        assertThat(afternoon.sales()).isEqualTo(1);
        assertThat(afternoon.cashSales()).isEqualTo(money("2.50"));
        assertThat(afternoon.cardSales()).isEqualTo(money("0.00"));
        assertThat(afternoon.firstReceipt()).isEqualTo("T1-000003");
        assertThat(afternoon.cashExpected()).isEqualTo(money("22.50"));
        assertThat(afternoon.difference()).isEqualTo(money("0.00"));
        assertThat(shifts.lastZReport("T1")).contains(afternoon);
        assertThat(shifts.zReport(morning.shiftId())).contains(morning);
    }

    @Test
    void aShiftWithoutSalesHasAnEmptyReport() {
        card("T1", "A", 1);
        shifts.open(cashier, "T1", money("25.00"));
        ZReport z = shifts.close(cashier, "T1", money("26.00"));

        assertThat(z.sales()).isZero();
        assertThat(List.of(z.gross(), z.couponDiscounts(), z.promoDiscounts(), z.net(), z.cashSales(), z.cardSales()))
                .allSatisfy(amount -> assertThat(amount).isEqualTo(money("0.00")));
        assertThat(z.firstReceipt()).isNull();
        assertThat(z.lastReceipt()).isNull();
        assertThat(z.cashExpected()).isEqualTo(money("25.00"));
        assertThat(z.difference()).isEqualTo(money("1.00"));
    }

    @Test
    void aTillThatNeverSoldCanOpenAndCloseAShift() {
        shifts.open(cashier, "NEW", money("0"));
        ZReport z = shifts.close(cashier, "NEW", money("0"));
        assertThat(z.sales()).isZero();
        assertThat(z.difference()).isEqualTo(money("0.00"));
        Receipt receipt = card("NEW", "A", 1);
        assertThat(receipt.receiptNo()).as("the counter the shift made starts the till at 1").isEqualTo("NEW-000001");
        assertThat(app.audit().run().ok()).isTrue();
    }

    @Test
    void tillsHaveTheirOwnShifts() {
        shifts.open(cashier, "T1", money("10.00"));
        shifts.open(manager, "T2", money("20.00"));
        assertThat(shifts.current("T1").orElseThrow().openedBy()).isEqualTo("cashier");
        assertThat(shifts.current("T2").orElseThrow().openedBy()).isEqualTo("manager");
        assertThat(shifts.current("T3")).isEmpty();
    }

    @Test
    void aSecondOpenShiftAtATillIsRefusedNamingWhoOpenedTheFirstAndWhen() {
        shifts.open(cashier, "T1", money("10.00"));
        clock.advance(Duration.ofMinutes(5));

        ShiftRefusedException refusal = refused(ShiftRefusedException.class, () -> shifts.open(manager, "T1", money("99.00")));

        assertThat(refusal.code()).isEqualTo("SHIFT_ALREADY_OPEN");
        assertThat(refusal.getMessage()).isEqualTo("shift already open at till T1: opened by cashier on 2026-11-23 09:00; close it first");
        assertThat(refusal.openedBy()).isEqualTo("cashier");
        assertThat(refusal.openedAt()).isEqualTo(NINE);
        assertThat(shifts.current("T1").orElseThrow().openingFloat()).isEqualByComparingTo("10.00");
    }

    @Test
    void closingATillWithoutAnOpenShiftIsRefused() {
        ShiftRefusedException refusal = refused(ShiftRefusedException.class, () -> shifts.close(cashier, "T1", money("1.00")));
        assertThat(refusal.code()).isEqualTo("NO_OPEN_SHIFT");
        assertThat(refusal.getMessage()).isEqualTo("no open shift at till T1: open one first");

        shifts.open(cashier, "T1", money("1.00"));
        shifts.close(cashier, "T1", money("1.00"));
        refused(ShiftRefusedException.class, () -> shifts.close(cashier, "T1", money("1.00")));
    }

    @Test
    void aReportIsOnlyForAClosedShift() {
        ShiftView open = shifts.open(cashier, "T1", money("1.00"));
        assertThat(shifts.zReport(open.id())).isEmpty();
        assertThat(shifts.zReport(open.id() + 1000)).isEmpty();
        assertThat(shifts.lastZReport("T1")).isEmpty();
    }

    @Test
    void tenTillsOpeningAtOnceOpenExactlyOneShift() {
        List<Race.Outcome<ShiftView>> outcomes = Race.run(10, i -> shifts.open(i % 2 == 0 ? cashier : manager, "T1", money(i + ".00")));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 1L, "SHIFT_ALREADY_OPEN", 9L));
        ShiftView winner = outcomes.stream().filter(Race.Outcome::ok).findFirst().orElseThrow().value();
        assertThat(shifts.current("T1")).contains(winner);
        assertThat(count("shift")).isEqualTo(1);
    }

    @Test
    void tenClosesAtOnceMakeExactlyOneReport() {
        shifts.open(cashier, "T1", money("10.00"));
        card("T1", "B", 2);

        List<Race.Outcome<ZReport>> outcomes = Race.run(10, i -> shifts.close(cashier, "T1", money("10.00")));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 1L, "NO_OPEN_SHIFT", 9L));
        ZReport z = outcomes.stream().filter(Race.Outcome::ok).findFirst().orElseThrow().value();
        assertThat(z.net()).isEqualTo(money("5.00"));
        assertThat(shifts.zReport(z.shiftId())).contains(z);
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from shift where closed_at is not null")).isEqualTo(1);
    }

    @Test
    void salesRacingACloseAreEitherInItsReportOrNumberedAfterIt() {
        shifts.open(cashier, "T1", money("0.00"));
        int checkouts = 12;

        List<Race.Outcome<Object>> outcomes = Race.run(checkouts + 1,
                i -> i == checkouts ? shifts.close(manager, "T1", money("0.00")) : card("T1", "A", 1));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", (long) checkouts + 1));
        ZReport z = (ZReport) outcomes.get(checkouts).value();
        var db = app.database().dataSource();
        long closedAt = Sql.queryLong(db, "select close_receipt_seq from shift where id = ?", z.shiftId());
        // every sale numbered up to the close's counter is in the report, and none came after it
        assertThat(z.sales()).isEqualTo(closedAt);
        assertThat(Sql.queryLong(db, "select count(*) from sale where till = 'T1' and receipt_seq <= ?", closedAt)).isEqualTo(closedAt);
        assertThat(Sql.queryLong(db, "select coalesce(sum(total * 100), 0) from sale where till = 'T1' and receipt_seq <= ?", closedAt))
                .isEqualTo(z.net().movePointRight(2).longValueExact());
        assertThat(Sql.queryLong(db, "select count(*) from sale where till = 'T1'")).isEqualTo(checkouts);
        assertThat(z.lastReceipt()).isEqualTo(closedAt == 0 ? null : ZReport.receiptNumber("T1", closedAt));
    }

    @Test
    void theReportPrintsOnFortyColumns() {
        shifts.open(cashier, "T1", money("50.00"));
        sell("T1", Payment.cash(money("100.00")), coupon("0.50"), null, "A", 2, "B", 3);
        ZReport z = shifts.close(cashier, "T1", money("59.00"));

        List<String> lines = z.lines("The Very Long Named Sweetshop Of Upper Little Snoring", ZoneOffset.UTC);

        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(ZReport.WIDTH));
        assertThat(lines).contains(
                "                Z REPORT",
                "Till                                  T1",
                "Opened                  2026-11-23 09:00",
                "Sales                                  1",
                "First receipt                  T1-000001",
                "Gross                               9.90",
                "Coupon discounts                   -0.50",
                "Promo discounts                     0.00",
                "Net                                 9.40",
                "Cash expected                      59.40",
                "Cash counted                       59.00",
                "Short                              -0.40");
        assertThat(lines.get(0)).endsWith("~");
    }

    @Test
    void aLongValueGoesOnALineOfItsOwn() {
        ZReport z = new ZReport(7, "TILL-0123456789A", "a".repeat(32), NINE, "b", NINE, 1, money("1.00"), money("0.00"),
                money("0.00"), money("1.00"), money("1.00"), money("0.00"), money("0.00"), money("1.00"), money("1.00"),
                money("0.00"), "TILL-0123456789A-000000000001", "TILL-0123456789A-000000000001", 1, 0, money("0.00"));
        List<String> lines = z.lines(null, ZoneOffset.UTC);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(ZReport.WIDTH));
        assertThat(lines).containsSequence("First receipt", "           TILL-0123456789A-000000000001");
        assertThat(lines).contains("Difference                          0.00");
    }
}
