package org.sweetshop.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.sweetshop.AppContext;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.common.OutOfStockException;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.BusyException;
import org.sweetshop.db.SqlStates;
import org.sweetshop.db.Transactor;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.SaleIds;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;

/**
 * N tills selling 3-line baskets from a few hot sweets, through the real checkout service, and in
 * the same run the baseline: seed-style atomic {@code UPDATE sweet SET stock = stock - q WHERE id = ?
 * AND stock >= q} per line, in id order, plus the sale and its lines, over plain JDBC. Same pool,
 * same database, same durability, same baskets.
 */
public final class CheckoutBenchmark {

    /**
     * @param duration how long each side sells in all, split into {@code rounds} alternating turns
     *                 (baseline, service, baseline, service...) so that drift on a shared machine
     *                 hits both sides alike
     * @param warmup   how long each side sells before measuring (the JIT must have compiled the
     *                 service path, or its CPU cost is several times what it is warm)
     */
    public record Options(int tills, Duration duration, int hot, Duration warmup, int rounds) {
    }

    /** One side's figures. */
    public record Result(String name, long sales, long refused, long busy, long failed, double salesPerSecond,
                         double p50Millis, double p99Millis, long retries, long deadlocksRetried, long deadlocksSurfaced,
                         long unitsSold, long stockMismatch) {
    }

    public record Report(Options options, Result baseline, Result service) {
        public double ratio() {
            return baseline.salesPerSecond() == 0 ? 0 : service.salesPerSecond() / baseline.salesPerSecond();
        }
    }

    private static final int START_STOCK = 50_000_000;
    private static final int LINES = 3;

    private final AppContext context;
    private final Consumer<String> progress;

    public CheckoutBenchmark(AppContext context, Consumer<String> progress) {
        this.context = context;
        this.progress = progress;
    }

    public Report run(Options options) throws Exception {
        if (options.hot() < LINES) {
            throw new IllegalArgumentException("--hot must be at least " + LINES + " (a basket has 3 different sweets)");
        }
        List<Caller> cashiers = setUp(options);
        List<SweetView> hot = context.catalog().list().stream().filter(s -> s.sku().startsWith("HOT-")).toList();
        long[] ids = hot.stream().mapToLong(SweetView::id).sorted().toArray();

        progress.accept("warming up, " + options.warmup().toSeconds() + " s each side");
        baseline(ids, options.tills(), options.warmup(), new Stats());
        service(cashiers, hot, options.tills(), options.warmup(), new Stats());

        Stats baseline = new Stats();
        Stats service = new Stats();
        Duration turn = options.duration().dividedBy(options.rounds());
        for (int round = 1; round <= options.rounds(); round++) {
            progress.accept("round " + round + " of " + options.rounds() + ": baseline, then service, " + turn.toSeconds() + " s each");
            long stockBefore = totalStock(ids);
            long unitsBefore = baselineUnits();
            baseline(ids, options.tills(), turn, baseline);
            long units = baselineUnits() - unitsBefore;
            baseline.unitsSold.add(units);
            baseline.stockMismatch.add(Math.abs(stockBefore - totalStock(ids) - units));

            stockBefore = totalStock(ids);
            unitsBefore = serviceUnits();
            Transactor.Stats before = context.database().transactor().stats();
            service(cashiers, hot, options.tills(), turn, service);
            Transactor.Stats after = context.database().transactor().stats();
            service.retries.add(after.retries() - before.retries());
            service.deadlocks.add(after.deadlocks() - before.deadlocks());
            units = serviceUnits() - unitsBefore;
            service.unitsSold.add(units);
            service.stockMismatch.add(Math.abs(stockBefore - totalStock(ids) - units));
        }
        return new Report(options, baseline.result("baseline (JDBC atomic updates)"), service.result("service (SaleService.checkout)"));
    }

    /** The store: an owner, one cashier per till (as in a real shop), the hot sweets; returns the cashiers. */
    private List<Caller> setUp(Options options) throws SQLException {
        String password = "bench-password-" + UUID.randomUUID();
        context.staff().register(null, "bench", Role.OWNER, password);
        Caller owner = context.staff().login("bench", password);
        for (int i = 1; i <= options.hot(); i++) {
            context.catalog().add(owner, new NewSweet(String.format("HOT-%02d", i), "Hot sweet " + i, "Bench",
                    new BigDecimal("1.25"), 0, 0), null);
        }
        try (Connection c = context.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            // the baseline's own sale tables: a seed-style sale row and its lines
            s.execute("create table if not exists bench_sale (id uuid primary key, till varchar(32) not null,"
                    + " total numeric(12,2) not null, created_at timestamp(6) with time zone not null default current_timestamp)");
            s.execute("create table if not exists bench_sale_line (sale_id uuid not null references bench_sale (id),"
                    + " sweet_id bigint not null references sweet (id), quantity integer not null, unit_price numeric(10,2) not null)");
            c.commit();
        }
        for (int i = 1; i <= options.hot(); i++) {
            context.stock().stocktake(owner, String.format("HOT-%02d", i), START_STOCK, null, "bench stock");
        }
        List<Caller> cashiers = new ArrayList<>();
        for (int t = 1; t <= options.tills(); t++) {
            context.staff().register(owner, "cashier" + t, Role.CASHIER, password);
            cashiers.add(context.staff().login("cashier" + t, password));
        }
        return cashiers;
    }

    /** The seed-style baseline: one atomic conditional UPDATE per line in id order, then the sale. */
    private void baseline(long[] ids, int tills, Duration duration, Stats into) throws Exception {
        DataSource dataSource = context.database().dataSource();
        race(tills, duration, into, (till, stats) -> {
            long[] basket = pick(ids);
            Arrays.sort(basket);
            UUID saleId = SaleIds.next();
            while (true) {
                try (Connection c = dataSource.getConnection()) {
                    try {
                        boolean sold = true;
                        try (PreparedStatement update = c.prepareStatement(
                                "update sweet set stock = stock - ? where id = ? and stock >= ?")) {
                            for (long id : basket) {
                                update.setInt(1, 1);
                                update.setLong(2, id);
                                update.setInt(3, 1);
                                if (update.executeUpdate() == 0) {
                                    sold = false;
                                    break;
                                }
                            }
                        }
                        if (!sold) {
                            c.rollback();
                            stats.refused.increment();
                            return;
                        }
                        try (PreparedStatement sale = c.prepareStatement("insert into bench_sale (id, till, total) values (?, ?, ?)")) {
                            sale.setObject(1, saleId);
                            sale.setString(2, till);
                            sale.setBigDecimal(3, new BigDecimal("3.75"));
                            sale.executeUpdate();
                        }
                        try (PreparedStatement line = c.prepareStatement(
                                "insert into bench_sale_line (sale_id, sweet_id, quantity, unit_price) values (?, ?, 1, 1.25)")) {
                            for (long id : basket) {
                                line.setObject(1, saleId);
                                line.setLong(2, id);
                                line.addBatch();
                            }
                            line.executeBatch();
                        }
                        c.commit();
                        stats.sales.increment();
                        return;
                    } catch (SQLException e) {
                        c.rollback();
                        SqlStates.Fault fault = SqlStates.classify(e);
                        if (fault.retryable()) {
                            stats.retries.increment(); // the baseline retries its own deadlocks
                            if (fault == SqlStates.Fault.DEADLOCK) {
                                stats.deadlocks.increment();
                            }
                            continue;
                        }
                        throw e;
                    }
                }
            }
        });
    }

    private void service(List<Caller> cashiers, List<SweetView> hot, int tills, Duration duration, Stats into) throws Exception {
        long[] ids = hot.stream().mapToLong(SweetView::id).toArray();
        race(tills, duration, into, (till, stats) -> {
            long[] picked = pick(ids);
            List<BasketLine> lines = new ArrayList<>();
            for (long id : picked) {
                String sku = hot.stream().filter(s -> s.id() == id).findFirst().orElseThrow().sku();
                lines.add(new BasketLine(sku, 1));
            }
            try {
                Caller cashier = cashiers.get(Integer.parseInt(till.substring(1)) - 1);
                context.sales().checkout(cashier, new CheckoutRequest(SaleIds.next(), till, lines, null, null, Payment.card()));
                stats.sales.increment();
            } catch (OutOfStockException e) {
                stats.refused.increment();
            } catch (BusyException e) {
                stats.busy.increment();
                if (SqlStates.classify(e.getCause()) == SqlStates.Fault.DEADLOCK) {
                    stats.deadlocksSurfaced.increment();
                }
            }
        });
    }

    /** A random basket: 3 different sweets out of the hot ones, in random (scan) order. */
    private static long[] pick(long[] ids) {
        long[] shuffled = ids.clone();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        return Arrays.copyOf(shuffled, LINES);
    }

    private interface Sale {
        void make(String till, Stats stats) throws Exception;
    }

    /** One side's counts and latencies, added up over its turns. */
    private static final class Stats {
        final LongAdder sales = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder busy = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder deadlocks = new LongAdder();
        final LongAdder deadlocksSurfaced = new LongAdder();
        final LongAdder unitsSold = new LongAdder();
        final LongAdder stockMismatch = new LongAdder();
        final List<long[]> latencies = new ArrayList<>();
        long nanos;

        Result result(String name) {
            long[] merged = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            double seconds = nanos / 1e9;
            return new Result(name, sales.sum(), refused.sum(), busy.sum(), failed.sum(), seconds == 0 ? 0 : sales.sum() / seconds,
                    percentile(merged, 0.50), percentile(merged, 0.99), retries.sum(), deadlocks.sum(), deadlocksSurfaced.sum(),
                    unitsSold.sum(), stockMismatch.sum());
        }
    }

    /** Runs {@code tills} workers, released together through one barrier, for {@code duration}. */
    private static void race(int tills, Duration duration, Stats stats, Sale sale) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tills + 1);
        ExecutorService pool = Executors.newFixedThreadPool(tills);
        try {
            List<Future<long[]>> latencies = new ArrayList<>();
            for (int t = 0; t < tills; t++) {
                String till = "B" + (t + 1);
                latencies.add(pool.submit(() -> {
                    long[] samples = new long[1024];
                    int n = 0;
                    start.await();
                    long end = System.nanoTime() + duration.toNanos();
                    while (System.nanoTime() < end) {
                        long begin = System.nanoTime();
                        try {
                            sale.make(till, stats);
                        } catch (Exception e) {
                            stats.failed.increment();
                        }
                        if (n == samples.length) {
                            samples = Arrays.copyOf(samples, n * 2);
                        }
                        samples[n++] = System.nanoTime() - begin;
                    }
                    return Arrays.copyOf(samples, n);
                }));
            }
            start.await();
            long began = System.nanoTime();
            for (Future<long[]> f : latencies) {
                stats.latencies.add(f.get());
            }
            stats.nanos += System.nanoTime() - began;
        } finally {
            pool.shutdown();
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private long totalStock(long[] ids) throws SQLException {
        return queryLong("select coalesce(sum(stock), 0) from sweet where id in ("
                + Arrays.stream(ids).mapToObj(Long::toString).reduce((a, b) -> a + "," + b).orElse("0") + ")");
    }

    private long baselineUnits() throws SQLException {
        return queryLong("select coalesce(sum(quantity), 0) from bench_sale_line");
    }

    private long serviceUnits() throws SQLException {
        return queryLong("select coalesce(sum(quantity), 0) from sale_line");
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = context.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long value = rs.getLong(1);
            c.rollback();
            return value;
        }
    }
}
