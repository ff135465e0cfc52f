package org.sweetshop.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.report.SalesReport.CashierSales;
import org.sweetshop.report.SalesReport.CouponDiscounts;
import org.sweetshop.report.SalesReport.DaySales;
import org.sweetshop.report.SalesReport.HourSales;
import org.sweetshop.report.SalesReport.PromoDiscounts;
import org.sweetshop.report.SalesReport.Summary;
import org.sweetshop.report.SalesReport.SweetSales;
import org.sweetshop.report.SalesReport.TillSales;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.SaleService;
import org.sweetshop.shift.ShiftService;
import org.sweetshop.shift.ZReport;
import org.sweetshop.staff.Caller;
import org.sweetshop.testing.DatabaseTest;

/**
 * Report figures against sales the test makes through the real checkout, at times it chooses, in a
 * zone one hour off UTC (so a day or hour counted in UTC would be wrong).
 */
class ReportServiceTest extends DatabaseTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate FROM = LocalDate.of(2026, 1, 10);
    static final LocalDate TO = LocalDate.of(2026, 1, 11);

    /** A clock the test sets by hand. */
    static final class SetClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void set(LocalDateTime local) {
            now = local.atZone(PARIS).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return PARIS;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private SetClock clock;
    private SaleService sales;
    private ReportService reports;
    private final List<Receipt> inRange = new ArrayList<>();

    @BeforeEach
    void storeAtATime() {
        clock = new SetClock();
        sales = new SaleService(app.database().transactor(), clock);
        reports = new ReportService(app.database().transactor(), clock);
        add("SL", "Sherbet lemons", "1.20");
        add("AB", "Aniseed balls", "1.00");
        add("BB", "Bonbons", "2.00");
        add("TD", "Toffee \"Deluxe\", chewy", "0.75");
    }

    private void add(String sku, String name, String price) {
        app.catalog().add(manager, new NewSweet(sku, name, "Test", new BigDecimal(price), 100, 0), "T0");
    }

    private Receipt sell(LocalDateTime at, Caller who, String till, List<BasketLine> lines, String coupon, String promo, Payment pay) {
        clock.set(at);
        return sales.checkout(who, new CheckoutRequest(UUID.randomUUID(), till, lines, coupon, promo, pay));
    }

    private static LocalDateTime at(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 1, day, hour, minute);
    }

    private static BigDecimal money(String text) {
        return new BigDecimal(text);
    }

    /**
     * Two tills, two cashiers, a coupon of each kind, a promo, cash and card; two sales just outside
     * the range, and a shift at T1 closed inside it.
     */
    private void sellTheTwoDays() {
        String half = app.coupons().issue(manager, 1, Discount.amount(money("0.50")), null).get(0).token();
        String tenth = app.coupons().issue(manager, 1, Discount.percent(money("10")), null).get(0).token();
        app.promos().add(manager, new NewPromo("P10", Discount.percent(money("10")), null, null, null));
        ShiftService shifts = new ShiftService(app.database().transactor(), clock);

        clock.set(at(9, 22, 0));
        shifts.open(cashier, "T1", money("20.00"));
        // excluded: a microsecond before the first day
        sell(at(9, 23, 59).plusSeconds(59).plusNanos(999_999_000), cashier, "T1", List.of(line("SL", 5)), null, null, Payment.card());
        // exactly at 00:00 of the first day: included
        inRange.add(sell(at(10, 0, 0), cashier, "T1", List.of(line("SL", 3), line("AB", 1)), null, null, Payment.card()));
        inRange.add(sell(at(10, 9, 40), manager, "T2", List.of(line("BB", 1)), half, null, Payment.cash(money("5.00"))));
        clock.set(at(10, 12, 0));
        shifts.close(cashier, "T1", money("20.00"));
        inRange.add(sell(at(10, 14, 5), manager, "T1", List.of(line("SL", 1), line("BB", 2)), null, "P10", Payment.card()));
        inRange.add(sell(at(11, 9, 10), cashier, "T2", List.of(line("AB", 2)), tenth, "P10", Payment.cash(money("1.62"))));
        // the last millisecond of the last day: included
        inRange.add(sell(at(11, 23, 59).plusSeconds(59).plusNanos(999_000_000), cashier, "T1", List.of(line("SL", 1)), null, null,
                Payment.card()));
        // excluded: 00:00 of the day after
        sell(at(12, 0, 0), manager, "T2", List.of(line("BB", 10)), null, null, Payment.card());
    }

    @Test
    void everyFigureOfTheReportIsTheSumOfTheSalesItCovers() {
        sellTheTwoDays();

        SalesReport report = reports.sales(manager, FROM, TO);

        assertThat(report.from()).isEqualTo(FROM);
        assertThat(report.to()).isEqualTo(TO);
        assertThat(report.zone()).isEqualTo(PARIS);
        assertThat(report.summary()).isEqualTo(new Summary(5, 11, money("15.00"), money("0.70"), money("0.70"), money("1.40"),
                money("13.60"), money("3.12"), money("10.48"), 0, money("0.00"), money("13.60")));
        assertThat(report.topSweets()).containsExactly(
                new SweetSales("SL", "Sherbet lemons", 5, money("6.00")),
                // a tie on units: by name, whatever the revenue
                new SweetSales("AB", "Aniseed balls", 3, money("3.00")),
                new SweetSales("BB", "Bonbons", 3, money("6.00")));
        assertThat(report.byTill()).containsExactly(
                new TillSales("T1", 3, money("11.00"), money("0.52"), money("10.48"), money("0.00"), money("10.48")),
                new TillSales("T2", 2, money("4.00"), money("0.88"), money("3.12"), money("3.12"), money("0.00")));
        assertThat(report.byCashier()).containsExactly(
                new CashierSales("cashier", 3, money("7.80"), money("0.38"), money("7.42")),
                new CashierSales("manager", 2, money("7.20"), money("1.02"), money("6.18")));
        assertThat(report.byDay()).containsExactly(
                new DaySales(FROM, 3, money("11.80"), money("1.02"), money("10.78")),
                new DaySales(TO, 2, money("3.20"), money("0.38"), money("2.82")));
        assertThat(report.byHour()).hasSize(24);
        assertThat(report.byHour()).extracting(HourSales::hour).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 24).boxed().toList());
        assertThat(report.byHour().stream().filter(h -> h.sales() > 0)).containsExactly(
                new HourSales(0, 1, money("4.60"), money("4.60")),
                new HourSales(9, 2, money("4.00"), money("3.12")),
                new HourSales(14, 1, money("5.20"), money("4.68")),
                new HourSales(23, 1, money("1.20"), money("1.20")));
        assertThat(report.couponDiscounts()).containsExactly(
                new CouponDiscounts("AMOUNT", money("0.50"), "0.50 off", 1, money("0.50")),
                new CouponDiscounts("PERCENT", money("10.00"), "10% off", 1, money("0.20")));
        assertThat(report.promoDiscounts()).containsExactly(new PromoDiscounts("P10", 2, money("0.70")));

        // the stock as it is now, every sweet by SKU: SL 100-5-5, AB 100-3, BB 100-3-10, TD untouched
        assertThat(report.stock().lines()).extracting(l -> l.sku() + " " + l.stock() + " " + l.value().toPlainString())
                .containsExactly("AB 97 97.00", "BB 87 174.00", "SL 90 108.00", "TD 100 75.00");
        assertThat(report.stock().units()).isEqualTo(374);
        assertThat(report.stock().total()).isEqualTo(money("454.00"));

        // the T1 shift closed on the first day (with the sale before the range and the first of it)
        assertThat(report.shifts()).extracting(ZReport::till, ZReport::sales, ZReport::net)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T1", 2, money("10.60")));

        assertAddsUp(report);
        assertThat(report.summary().sales()).isEqualTo(inRange.size());
        assertThat(report.summary().gross()).isEqualTo(sum(inRange, Receipt::subtotal));
        assertThat(report.summary().couponDiscounts()).isEqualTo(sum(inRange, Receipt::couponDiscount));
        assertThat(report.summary().promoDiscounts()).isEqualTo(sum(inRange, Receipt::promoDiscount));
        assertThat(report.summary().net()).isEqualTo(sum(inRange, Receipt::total));
    }

    @Test
    void aRangeWithoutSalesGivesZerosForEveryDayAndHour() {
        sellTheTwoDays();

        SalesReport report = reports.sales(owner, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30));

        assertThat(report.summary()).isEqualTo(new Summary(0, 0, money("0.00"), money("0.00"), money("0.00"), money("0.00"),
                money("0.00"), money("0.00"), money("0.00"), 0, money("0.00"), money("0.00")));
        assertThat(report.byDay()).hasSize(30).allSatisfy(d -> assertThat(d.net()).isEqualTo(money("0.00")));
        assertThat(report.byDay().get(0).day()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(report.byHour()).hasSize(24).allSatisfy(h -> assertThat(h.sales()).isZero());
        assertThat(report.topSweets()).isEmpty();
        assertThat(report.byTill()).isEmpty();
        assertThat(report.byCashier()).isEmpty();
        assertThat(report.couponDiscounts()).isEmpty();
        assertThat(report.promoDiscounts()).isEmpty();
        assertThat(report.shifts()).isEmpty();
        assertThat(report.stock().lines()).hasSize(4);
    }

    @Test
    void aOneDayRangeCoversThatDayOnly() {
        sellTheTwoDays();

        SalesReport report = reports.sales(manager, TO, TO);

        assertThat(report.summary().sales()).isEqualTo(2);
        assertThat(report.summary().net()).isEqualTo(money("2.82"));
        assertThat(report.byDay()).extracting(DaySales::day).containsExactly(TO);
        assertThat(report.shifts()).isEmpty();
        assertAddsUp(report);
    }

    @Test
    void aCashierIsNotShownReports() {
        var refusal = catchThrowableOfType(NotPermittedException.class, () -> reports.sales(cashier, FROM, TO));

        assertThat(refusal.getMessage()).isEqualTo("not permitted: a cashier cannot read reports (needs a manager)");
    }

    @Test
    void aDeactivatedManagerIsRefused() {
        app.staff().deactivate(owner, "manager");

        assertThatThrownBy(() -> reports.sales(manager, FROM, TO)).isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("no longer active");
    }

    @Test
    void badRangesAreRefusedInWordsForAPerson() {
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> reports.sales(manager, TO, FROM)).getMessage())
                .isEqualTo("the report's first day 2026-01-11 is after its last day 2026-01-10");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> reports.sales(manager, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1))).getMessage())
                .isEqualTo("a report covers at most 5 years: 2020-01-01 to 2025-01-01 is longer");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> reports.sales(manager, null, TO)).getMessage())
                .isEqualTo("the report's first day (from) is missing");
        // five years exactly is fine
        assertThat(reports.sales(manager, LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31)).byDay()).hasSize(1827);
    }

    /**
     * Tills keep selling while reports are made: each report is one snapshot, so its summary is
     * always the sum of its days, tills, cashiers and sweets (under READ COMMITTED a sale committed
     * between two of its queries would make them disagree).
     */
    @Test
    void aReportMadeWhileTillsSellAgreesWithItself() throws Exception {
        app.catalog().add(manager, new NewSweet("FM", "Fudge mice", "Test", money("0.30"), 10_000, 0), "T0");
        clock.set(at(10, 12, 0));
        AtomicBoolean selling = new AtomicBoolean(true);
        int[] made = new int[1];
        Thread till = new Thread(() -> {
            try {
                for (int i = 0; i < 150; i++) {
                    sales.checkout(i % 2 == 0 ? cashier : manager, new CheckoutRequest(UUID.randomUUID(), i % 3 == 0 ? "T1" : "T2",
                            List.of(line("FM", 1 + i % 2)), null, null, Payment.card()));
                    made[0]++;
                }
            } finally {
                selling.set(false);
            }
        });
        till.start();
        int reportsMade = 0;
        long previous = -1;
        boolean sawPartOfTheSales = false;
        while (selling.get() || reportsMade < 3) {
            SalesReport report = reports.sales(manager, FROM, TO);
            assertAddsUp(report);
            assertThat(report.summary().sales()).isGreaterThanOrEqualTo(previous);
            previous = report.summary().sales();
            sawPartOfTheSales |= previous > 0 && previous < 150;
            reportsMade++;
        }
        till.join();

        assertThat(made[0]).isEqualTo(150);
        assertThat(reports.sales(manager, FROM, TO).summary().sales()).isEqualTo(150);
        assertThat(sawPartOfTheSales).as("at least one report was made while the till sold").isTrue();
    }

    private static BigDecimal sum(List<Receipt> receipts, Function<Receipt, BigDecimal> amount) {
        return receipts.stream().map(amount).reduce(money("0.00"), BigDecimal::add);
    }

    /** The summary equals the sum of each breakdown. */
    static void assertAddsUp(SalesReport report) {
        Summary s = report.summary();
        assertThat(s.net()).isEqualTo(s.gross().subtract(s.couponDiscounts()).subtract(s.promoDiscounts()));
        assertThat(s.net()).isEqualTo(s.cash().add(s.card()));
        assertThat(s.discounts()).isEqualTo(s.couponDiscounts().add(s.promoDiscounts()));
        assertThat(report.byDay().stream().mapToLong(DaySales::sales).sum()).isEqualTo(s.sales());
        assertThat(report.byDay().stream().map(DaySales::net).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(s.net());
        assertThat(report.byDay().stream().map(DaySales::discounts).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(s.discounts());
        assertThat(report.byHour().stream().mapToLong(HourSales::sales).sum()).isEqualTo(s.sales());
        assertThat(report.byHour().stream().map(HourSales::gross).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(s.gross());
        assertThat(report.byTill().stream().mapToLong(TillSales::sales).sum()).isEqualTo(s.sales());
        assertThat(report.byTill().stream().map(TillSales::net).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(s.net());
        assertThat(report.byTill().stream().map(TillSales::cash).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(s.cash());
        assertThat(report.byCashier().stream().mapToLong(CashierSales::sales).sum()).isEqualTo(s.sales());
        assertThat(report.byCashier().stream().map(CashierSales::gross).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(s.gross());
        assertThat(report.topSweets().stream().mapToLong(SweetSales::units).sum()).isEqualTo(s.units());
        assertThat(report.topSweets().stream().map(SweetSales::revenue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(s.gross());
        assertThat(report.couponDiscounts().stream().map(CouponDiscounts::discount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(s.couponDiscounts());
        assertThat(report.promoDiscounts().stream().map(PromoDiscounts::discount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(s.promoDiscounts());
    }
}
