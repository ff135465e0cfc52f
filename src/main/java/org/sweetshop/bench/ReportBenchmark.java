package org.sweetshop.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.sweetshop.AppContext;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.common.Discount;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.report.SalesReport;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;

/**
 * The sales report over many sales: an empty store database is filled with {@code sales} sales
 * spread over a year (four tills, four cashiers, 1 % with a coupon, 10 % with a promo code, a third
 * paid cash, 1 to 3 lines each from 40 sweets), made by SQL ({@code generate_series}) in a few
 * seconds and consistent with every constraint of the schema. Then the full report of the year,
 * and of one month, is timed several times after a warm-up; the medians are what counts.
 *
 * <p>The generated sales take no stock and write no stock movements (the ledger's chain is the
 * checkout's business), so {@code sweetshop audit} on a benchmark database fails its
 * {@code sale-lines-match-movements} check, and only that one: it is a scratch database.
 */
public final class ReportBenchmark {

    /** @param sales how many sales to make; @param runs timed runs of each report; @param warmup untimed runs first */
    public record Options(int sales, int runs, int warmup) {
    }

    /** One report's timings in milliseconds. */
    public record Timing(String name, LocalDate from, LocalDate to, long sales, double medianMillis, double minMillis,
            double maxMillis) {
    }

    /** What was measured, and the year's report itself (its figures are printed). */
    public record Report(Options options, double generateSeconds, long lines, Timing year, Timing month, SalesReport yearReport,
            BigDecimal netBySql) {
    }

    private static final int SWEETS = 40;
    private static final int TILLS = 4;

    private final AppContext context;
    private final Consumer<String> progress;

    public ReportBenchmark(AppContext context, Consumer<String> progress) {
        this.context = context;
        this.progress = progress;
    }

    public Report run(Options options) throws SQLException {
        String password = "bench-password-" + UUID.randomUUID();
        context.staff().register(null, "bench", Role.OWNER, password);
        Caller owner = context.staff().login("bench", password);
        long[] cashiers = new long[TILLS];
        for (int i = 0; i < TILLS; i++) {
            cashiers[i] = context.staff().register(owner, "cashier" + (i + 1), Role.CASHIER, password).id();
        }
        for (int i = 1; i <= SWEETS; i++) {
            context.catalog().add(owner, new NewSweet(String.format("SW-%03d", i), "Sweet " + i, "Bench",
                    new BigDecimal("0.35").add(new BigDecimal(i).multiply(new BigDecimal("0.15"))), 1_000_000, 0), null);
        }
        context.promos().add(owner, new NewPromo("BENCH10", Discount.percent(BigDecimal.TEN), null, null, null));
        long promoId = promoId("BENCH10");

        // a year ending yesterday, in the store's zone
        LocalDate to = LocalDate.now(context.reports().zone()).minusDays(1);
        LocalDate from = to.minusDays(364);
        progress.accept("making " + options.sales() + " sales from " + from + " to " + to + " with SQL");
        long started = System.nanoTime();
        long lines = generate(options.sales(), from, owner.staffId(), cashiers, promoId);
        double generateSeconds = (System.nanoTime() - started) / 1e9;
        progress.accept(String.format("made %d sales with %d lines in %.1f s", options.sales(), lines, generateSeconds));

        Timing year = time("year", owner, from, to, options);
        LocalDate monthFrom = to.withDayOfMonth(1).minusMonths(1);
        Timing month = time("month", owner, monthFrom, monthFrom.plusMonths(1).minusDays(1), options);
        SalesReport yearReport = context.reports().sales(owner, from, to);
        return new Report(options, generateSeconds, lines, year, month, yearReport, netBySql());
    }

    private Timing time(String name, Caller owner, LocalDate from, LocalDate to, Options options) {
        progress.accept("timing the " + name + "'s report (" + from + " to " + to + "): " + options.warmup() + " warm-up, "
                + options.runs() + " timed runs");
        long sales = 0;
        for (int i = 0; i < options.warmup(); i++) {
            sales = context.reports().sales(owner, from, to).summary().sales();
        }
        double[] millis = new double[options.runs()];
        for (int i = 0; i < options.runs(); i++) {
            long t0 = System.nanoTime();
            sales = context.reports().sales(owner, from, to).summary().sales();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        double median = millis.length % 2 == 1 ? millis[millis.length / 2]
                : (millis[millis.length / 2 - 1] + millis[millis.length / 2]) / 2;
        return new Timing(name, from, to, sales, median, millis[0], millis[millis.length - 1]);
    }

    /** Makes the sales, their lines, the coupons they redeemed; sets the promo's uses and the tills' counters. */
    private long generate(int n, LocalDate firstDay, long ownerId, long[] cashiers, long promoId) throws SQLException {
        OffsetDateTime start = firstDay.atStartOfDay(context.reports().zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        List<String> statements = new ArrayList<>();
        // lines: 1 to 3 per sale, different sweets, 1 to 4 of each
        statements.add("create temporary table gen_line on commit drop as"
                + " select g, k, w.id as sweet_id, w.sku, w.name, w.price, 1 + (g * 7 + k * 3) % 4 as qty"
                + " from generate_series(1, " + n + ") g cross join generate_series(1, 3) k"
                + " join (select id, sku, name, price, row_number() over (order by id) - 1 as idx from sweet) w"
                + " on w.idx = (g * 13 + k * 5) % " + SWEETS
                + " where k <= 1 + g % 3");
        // sales: spread evenly over 365 days, 08:00 to 18:00; coupon (0.50 off) on 1 %, promo (10 %) on 10 %, cash on a third
        statements.add("create temporary table gen_sale on commit drop as"
                + " select g, id, till, staff_id, created_at, subtotal, coupon_discount, promo_discount,"
                + " row_number() over (partition by till order by g) as receipt_seq from ("
                + "   select g, id, till, staff_id, created_at, subtotal, coupon_discount,"
                + "   case when g % 10 = 1 then round((subtotal - coupon_discount) * 0.10, 2) else 0 end as promo_discount from ("
                + "     select l.g, md5('bench-sale-' || l.g)::uuid as id, 'T' || (1 + l.g % " + TILLS + ") as till,"
                + "     (array[" + join(cashiers) + "]::bigint[])[1 + l.g % " + TILLS + "] as staff_id,"
                + "     cast(? as timestamptz) + ((l.g - 1) * 365 / " + n + ") * interval '1 day' + interval '8 hours'"
                + "       + ((l.g * 37) % 600) * interval '1 minute' as created_at,"
                + "     sum(l.price * l.qty) as subtotal,"
                + "     case when l.g % 100 = 0 then least(0.50, sum(l.price * l.qty)) else 0 end as coupon_discount"
                + "     from gen_line l group by l.g) a) b");
        statements.add("insert into coupon (id, token_hash, hint, kind, amount, status, issued_at, issued_by, redeemed_at,"
                + " redeemed_till, redeemed_sale_id)"
                + " select 1000000000 + g, md5('bench-coupon-' || g) || md5('bench-coupon-2-' || g), lpad(cast(g % 10000 as text), 4, '0'),"
                + " 'AMOUNT', 0.50, 'REDEEMED', created_at - interval '30 days', " + ownerId + ", created_at, till, id"
                + " from gen_sale where g % 100 = 0");
        statements.add("insert into sale (id, till, receipt_seq, staff_id, created_at, subtotal, coupon_discount, promo_discount, total,"
                + " coupon_id, promo_id, cash_paid, card_paid)"
                + " select id, till, receipt_seq, staff_id, created_at, subtotal, coupon_discount, promo_discount,"
                + " subtotal - coupon_discount - promo_discount,"
                + " case when g % 100 = 0 then 1000000000 + g end, case when g % 10 = 1 then " + promoId + " end,"
                + " case when g % 3 = 0 then subtotal - coupon_discount - promo_discount else 0 end,"
                + " case when g % 3 = 0 then 0 else subtotal - coupon_discount - promo_discount end"
                + " from gen_sale order by created_at");
        // one payment a sale: every third in cash (handed over exactly), the others by card
        statements.add("insert into sale_payment (sale_id, seq, method, amount, tendered)"
                + " select s.id, 1, case when g.g % 3 = 0 then 'CASH' else 'CARD' end, s.total,"
                + " case when g.g % 3 = 0 then s.total end from sale s join gen_sale g on g.id = s.id");
        statements.add("insert into sale_line (sale_id, line_no, sweet_id, sku, name, unit_price, quantity, line_total, tax_code,"
                + " tax_rate) select s.id, l.k, l.sweet_id, l.sku, l.name, l.price, l.qty, l.price * l.qty, 'STD', 20"
                + " from gen_line l join gen_sale s on s.g = l.g order by s.created_at, l.k");
        // every sweet at the standard rate, prices including tax: one tax line per sale
        statements.add("insert into sale_tax (sale_id, code, name, rate, net, tax, gross)"
                + " select id, 'STD', 'Standard', 20, total - round(total / 6, 2), round(total / 6, 2), total from sale"
                + " where id in (select id from gen_sale)");
        statements.add("update promo set uses = (select count(*) from sale where promo_id = " + promoId + ") where id = " + promoId);
        statements.add("insert into till_counter (till, last_number) select till, max(receipt_seq) from sale group by till"
                + " on conflict (till) do update set last_number = excluded.last_number");
        try (Connection c = context.database().dataSource().getConnection()) {
            for (String sql : statements) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    if (sql.contains("?")) {
                        s.setObject(1, start);
                    }
                    s.execute();
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("analyze sale");
                s.execute("analyze sale_line");
                s.execute("analyze coupon");
            } finally {
                c.setAutoCommit(false);
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from sale_line")) {
                rs.next();
                long lines = rs.getLong(1);
                c.rollback();
                return lines;
            }
        }
    }

    private long promoId(String code) throws SQLException {
        try (Connection c = context.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("select id from promo where code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                c.rollback();
                return id;
            }
        }
    }

    private BigDecimal netBySql() throws SQLException {
        try (Connection c = context.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select sum(total) from sale")) {
            rs.next();
            BigDecimal net = rs.getBigDecimal(1);
            c.rollback();
            return net;
        }
    }

    private static String join(long[] ids) {
        return String.join(", ", Arrays.stream(ids).mapToObj(Long::toString).toList());
    }
}
