package org.sweetshop.report;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.SoldBy;
import org.sweetshop.common.TaxLine;
import org.sweetshop.db.Transactor;
import org.sweetshop.report.SalesReport.CashierSales;
import org.sweetshop.report.SalesReport.CouponDiscounts;
import org.sweetshop.report.SalesReport.DaySales;
import org.sweetshop.report.SalesReport.HourSales;
import org.sweetshop.report.SalesReport.PromoDiscounts;
import org.sweetshop.report.SalesReport.StockLine;
import org.sweetshop.report.SalesReport.StockValuation;
import org.sweetshop.report.SalesReport.Summary;
import org.sweetshop.report.SalesReport.SweetSales;
import org.sweetshop.report.SalesReport.TillSales;
import org.sweetshop.shift.ShiftService;
import org.sweetshop.shift.ZReport;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/**
 * The back office's reports: plain SQL aggregates over {@code sale} and {@code sale_line}, all run
 * in one read-only {@code REPEATABLE READ} transaction, so a report made while tills sell is one
 * consistent picture (the totals equal the sum of the receipts they cover, and of the days, the
 * hours, the tills and the cashiers).
 *
 * <p>Days are days of the store's time zone, the zone of the clock it is given (the system
 * default zone in the app): a sale belongs to day D when it was made from D 00:00 (included) to
 * D+1 00:00 (excluded) store time. Only managers and owners may read reports.
 */
public final class ReportService {

    /** The longest range a report covers: five years (a day-by-day list of 1 826 rows). */
    public static final int MAX_YEARS = 5;

    private static final Pattern REGION = Pattern.compile("[A-Za-z][A-Za-z0-9_+\\-/]{0,63}");

    private static final String RANGE = " s.created_at >= ? and s.created_at < ? ";
    // what cash and cards took (V17): a split sale counts in both, cash with its rounding
    private static final String CASH = "s.cash_paid";
    private static final String CARD = "s.card_paid";

    private static final String SUMMARY = "select count(*), coalesce(sum(s.subtotal), 0), coalesce(sum(s.coupon_discount), 0),"
            + " coalesce(sum(s.promo_discount), 0), coalesce(sum(s.total), 0), coalesce(sum(" + CASH + "), 0),"
            + " coalesce(sum(" + CARD + "), 0) from sale s where" + RANGE;
    private static final String REFUNDS = "select count(*), coalesce(sum(r.amount), 0) from refund r"
            + " where r.created_at >= ? and r.created_at < ?";
    private static final String BY_HOUR = "select cast(extract(hour from %s) as integer), count(*), sum(s.subtotal), sum(s.total)"
            + " from sale s where" + RANGE + "group by 1 order by 1";
    private static final String BY_DAY = "select cast(%s as date), count(*), sum(s.subtotal),"
            + " sum(s.coupon_discount + s.promo_discount), sum(s.total) from sale s where" + RANGE + "group by 1 order by 1";
    private static final String TOP_SWEETS = "select w.sku, w.name, sum(l.quantity), sum(l.line_total), w.sold_by"
            + " from sale s join sale_line l on l.sale_id = s.id join sweet w on w.id = l.sweet_id where" + RANGE
            + "group by w.id, w.sku, w.name, w.sold_by order by w.sold_by = 'WEIGHED', 3 desc, 2, 1";
    private static final String BY_TILL = "select s.till, count(*), sum(s.subtotal), sum(s.coupon_discount + s.promo_discount),"
            + " sum(s.total), sum(" + CASH + "), sum(" + CARD + ") from sale s where" + RANGE + "group by s.till order by s.till";
    private static final String BY_CASHIER = "select st.username, count(*), sum(s.subtotal), sum(s.coupon_discount + s.promo_discount),"
            + " sum(s.total) from sale s join staff st on st.id = s.staff_id where" + RANGE
            + "group by st.id, st.username, st.username_key order by st.username_key";
    private static final String COUPONS = "select c.kind, c.amount, count(*), sum(s.coupon_discount)"
            + " from sale s join coupon c on c.id = s.coupon_id where" + RANGE + "group by c.kind, c.amount order by c.kind, c.amount";
    private static final String PROMOS = "select p.code, count(*), sum(s.promo_discount)"
            + " from sale s join promo p on p.id = s.promo_id where" + RANGE + "group by p.code order by p.code";
    private static final String TAXES = "select t.code, t.name, t.rate, sum(t.net), sum(t.tax), sum(t.gross)"
            + " from sale s join sale_tax t on t.sale_id = s.id where" + RANGE + "group by t.code, t.name, t.rate order by t.code";
    private static final String REFUND_TAXES = "select t.code, t.name, t.rate, sum(t.net), sum(t.tax), sum(t.gross)"
            + " from refund r join refund_tax t on t.refund_id = r.id where r.created_at >= ? and r.created_at < ?"
            + " group by t.code, t.name, t.rate order by t.code";
    private static final String STOCK = "select sku, name, category, active, stock, price, sold_by from sweet order by sku";

    private final Transactor tx;
    private final Clock clock;

    /** @param clock its zone is the store's time zone; its instant stamps the report */
    public ReportService(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** The store's time zone: days and hours of the reports are counted in it. */
    public ZoneId zone() {
        return clock.getZone();
    }

    /**
     * Checks a report's range: both dates given, {@code from} not after {@code to}, and at most
     * {@link #MAX_YEARS} years. Public so that a caller can refuse a bad range before logging in.
     */
    public static void requireRange(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new InvalidInputException("from", "the report's first day (from) is missing");
        }
        if (to == null) {
            throw new InvalidInputException("to", "the report's last day (to) is missing");
        }
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "the report's first day " + from + " is after its last day " + to);
        }
        if (!to.isBefore(from.plusYears(MAX_YEARS))) {
            throw new InvalidInputException("to", "a report covers at most " + MAX_YEARS + " years: " + from + " to " + to
                    + " is longer");
        }
    }

    /** The sales report of the days {@code from} to {@code to}, both included. Managers and owners only. */
    public SalesReport sales(Caller caller, LocalDate from, LocalDate to) {
        Caller.require(caller, Role.MANAGER, "read reports");
        requireRange(from, to);
        ZoneId zone = clock.getZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        String local = "(s.created_at at time zone " + zoneSql(zone) + ")";
        return tx.call(em -> {
            Session session = em.unwrap(Session.class);
            // first statement of the transaction: every figure below comes from one snapshot
            session.doWork(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("set transaction isolation level repeatable read, read only");
                }
            });
            StaffService.requireActive(em, caller);
            return session.doReturningWork(c -> read(em, c, from, to, zone, start, end, local));
        });
    }

    private SalesReport read(EntityManager em, Connection c, LocalDate from, LocalDate to, ZoneId zone, Instant start,
            Instant end, String local) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<SweetSales> sweets = new ArrayList<>();
        query(c, TOP_SWEETS, start, end, rs -> sweets.add(new SweetSales(rs.getString(1), rs.getString(2), rs.getLong(3),
                money(rs, 4), SoldBy.valueOf(rs.getString(5)))));
        // pieces and grams are never added together
        long units = sweets.stream().filter(w -> !w.soldBy().weighed()).mapToLong(SweetSales::units).sum();
        long grams = sweets.stream().filter(w -> w.soldBy().weighed()).mapToLong(SweetSales::units).sum();

        long[] refundCount = new long[1];
        BigDecimal[] refunded = {Money.ZERO};
        query(c, REFUNDS, start, end, rs -> {
            refundCount[0] = rs.getLong(1);
            refunded[0] = money(rs, 2);
        });
        List<Summary> summary = new ArrayList<>();
        query(c, SUMMARY, start, end, rs -> {
            BigDecimal coupon = money(rs, 3);
            BigDecimal promo = money(rs, 4);
            BigDecimal net = money(rs, 5);
            summary.add(new Summary(rs.getLong(1), units, money(rs, 2), coupon, promo, coupon.add(promo), net,
                    money(rs, 6), money(rs, 7), refundCount[0], refunded[0], net.subtract(refunded[0]), grams));
        });

        Map<Integer, HourSales> hours = new HashMap<>();
        query(c, BY_HOUR.formatted(local), start, end, rs -> hours.put(rs.getInt(1),
                new HourSales(rs.getInt(1), rs.getLong(2), money(rs, 3), money(rs, 4))));
        List<HourSales> byHour = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            byHour.add(hours.getOrDefault(hour, new HourSales(hour, 0, Money.ZERO, Money.ZERO)));
        }

        Map<LocalDate, DaySales> days = new HashMap<>();
        query(c, BY_DAY.formatted(local), start, end, rs -> {
            LocalDate day = rs.getObject(1, LocalDate.class);
            days.put(day, new DaySales(day, rs.getLong(2), money(rs, 3), money(rs, 4), money(rs, 5)));
        });
        List<DaySales> byDay = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            byDay.add(days.getOrDefault(day, new DaySales(day, 0, Money.ZERO, Money.ZERO, Money.ZERO)));
        }

        List<TillSales> byTill = new ArrayList<>();
        query(c, BY_TILL, start, end, rs -> byTill.add(new TillSales(rs.getString(1), rs.getLong(2), money(rs, 3), money(rs, 4),
                money(rs, 5), money(rs, 6), money(rs, 7))));
        List<CashierSales> byCashier = new ArrayList<>();
        query(c, BY_CASHIER, start, end, rs -> byCashier.add(new CashierSales(rs.getString(1), rs.getLong(2), money(rs, 3),
                money(rs, 4), money(rs, 5))));
        List<CouponDiscounts> coupons = new ArrayList<>();
        query(c, COUPONS, start, end, rs -> {
            String kind = rs.getString(1);
            BigDecimal value = money(rs, 2);
            coupons.add(new CouponDiscounts(kind, value, describe(kind, value), rs.getLong(3), money(rs, 4)));
        });
        List<PromoDiscounts> promos = new ArrayList<>();
        query(c, PROMOS, start, end, rs -> promos.add(new PromoDiscounts(rs.getString(1), rs.getLong(2), money(rs, 3))));

        List<StockLine> stock = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(STOCK); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                BigDecimal price = money(rs, 6);
                int onHand = rs.getInt(5);
                SoldBy soldBy = SoldBy.valueOf(rs.getString(7));
                stock.add(new StockLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), onHand, price,
                        soldBy.weighed() ? Money.weighedLine(price, onHand) : price.multiply(BigDecimal.valueOf(onHand)), soldBy));
            }
        }
        StockValuation valuation = new StockValuation(now, stock,
                stock.stream().filter(l -> !l.soldBy().weighed()).mapToLong(StockLine::stock).sum(),
                stock.stream().map(StockLine::value).reduce(Money.ZERO, BigDecimal::add),
                stock.stream().filter(l -> l.soldBy().weighed()).mapToLong(StockLine::stock).sum());

        List<ZReport> shifts = ShiftService.closedBetween(em, start, end);
        return new SalesReport(from, to, zone, now, summary.get(0), byHour, byDay, sweets, byTill, byCashier, coupons, promos,
                valuation, shifts, taxLines(c, TAXES, start, end), taxLines(c, REFUND_TAXES, start, end));
    }

    /**
     * The tax report of the days {@code from} to {@code to}, both included: per rate, what the
     * receipts of those days charged and what the refunds made in them reversed, on one snapshot.
     * Managers and owners only.
     */
    public TaxReport taxes(Caller caller, LocalDate from, LocalDate to) {
        Caller.require(caller, Role.MANAGER, "read reports");
        requireRange(from, to);
        ZoneId zone = clock.getZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return tx.call(em -> {
            Session session = em.unwrap(Session.class);
            session.doWork(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("set transaction isolation level repeatable read, read only");
                }
            });
            StaffService.requireActive(em, caller);
            return session.doReturningWork(c -> {
                long[] counts = new long[2];
                BigDecimal[] sums = {Money.ZERO, Money.ZERO};
                query(c, "select count(*), coalesce(sum(s.total), 0) from sale s where" + RANGE, start, end, rs -> {
                    counts[0] = rs.getLong(1);
                    sums[0] = money(rs, 2);
                });
                query(c, REFUNDS, start, end, rs -> {
                    counts[1] = rs.getLong(1);
                    sums[1] = money(rs, 2);
                });
                List<TaxLine> sold = taxLines(c, TAXES, start, end);
                List<TaxLine> refunded = taxLines(c, REFUND_TAXES, start, end);
                Map<String, TaxLine> soldByCode = new TreeMap<>();
                Map<String, TaxLine> refundedByCode = new TreeMap<>();
                sold.forEach(t -> soldByCode.put(t.code(), t));
                refunded.forEach(t -> refundedByCode.put(t.code(), t));
                TreeSet<String> codes = new TreeSet<>(soldByCode.keySet());
                codes.addAll(refundedByCode.keySet());
                List<TaxReport.Rate> rates = new ArrayList<>();
                TaxLine soldTotal = new TaxLine("TOTAL", "all rates", null, Money.ZERO, Money.ZERO, Money.ZERO);
                TaxLine refundedTotal = soldTotal;
                for (String code : codes) {
                    TaxLine either = soldByCode.getOrDefault(code, refundedByCode.get(code));
                    TaxLine none = new TaxLine(code, either.name(), either.rate(), Money.ZERO, Money.ZERO, Money.ZERO);
                    TaxLine s = soldByCode.getOrDefault(code, none);
                    TaxLine r = refundedByCode.getOrDefault(code, none);
                    rates.add(TaxReport.Rate.of(s, r));
                    soldTotal = soldTotal.plus(s);
                    refundedTotal = refundedTotal.plus(r);
                }
                return new TaxReport(from, to, zone, clock.instant().truncatedTo(ChronoUnit.MICROS), counts[0], sums[0], counts[1],
                        sums[1], rates, TaxReport.Rate.of(soldTotal, refundedTotal));
            });
        });
    }

    private static List<TaxLine> taxLines(Connection c, String sql, Instant start, Instant end) throws SQLException {
        List<TaxLine> lines = new ArrayList<>();
        query(c, sql, start, end, rs -> lines.add(new TaxLine(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), money(rs, 4),
                money(rs, 5), money(rs, 6))));
        return lines;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Instant start, Instant end, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
            ps.setObject(2, OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static BigDecimal money(ResultSet rs, int column) throws SQLException {
        return rs.getBigDecimal(column).setScale(Money.SCALE);
    }

    private static String describe(String kind, BigDecimal value) {
        return "PERCENT".equals(kind) ? value.stripTrailingZeros().toPlainString() + "% off" : Money.format(value) + " off";
    }

    /**
     * The zone as PostgreSQL's {@code AT TIME ZONE} wants it. A region ({@code Europe/London})
     * goes by name: PostgreSQL has the same tz database and follows its summer time. A fixed offset
     * goes as an interval, because PostgreSQL reads a text offset such as {@code '+01:00'} with
     * the POSIX sign, the opposite of ISO.
     */
    static String zoneSql(ZoneId zone) {
        ZoneId normal = zone.normalized();
        if (normal instanceof ZoneOffset offset) {
            return "interval '" + offset.getTotalSeconds() + " seconds'";
        }
        String id = normal.getId();
        if (!REGION.matcher(id).matches()) {
            throw new IllegalStateException("unexpected time zone id " + id);
        }
        return "'" + id + "'";
    }
}
