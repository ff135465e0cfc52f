package org.sweetshop.catalog;

import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.TestDatabase;

/**
 * Measures live stock's delay, not a test: N restocks through {@code StockService}, each timed from
 * right before its commit (the transactor's before-commit seam) to the moment the subscriber gets
 * the change. Run with the test classpath: {@code java ... org.sweetshop.catalog.LiveStockLatency [N]}.
 */
public final class LiveStockLatency {

    private static final Logger LOG = LoggerFactory.getLogger(LiveStockLatency.class);

    private LiveStockLatency() {
    }

    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        DatabaseTest.Store store = DatabaseTest.emptyStore();
        var app = store.app();
        app.catalog().add(store.manager(), new NewSweet("LAT", "Latency", "Test", java.math.BigDecimal.ONE, 0, 0), null);
        BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        long[] beforeCommit = new long[1];
        try (SweetChanges live = SweetChanges.start(TestDatabase.get().settings())) {
            live.subscribe(new SweetChanges.Subscriber() {
                @Override
                public void changed(SweetChange change) {
                    arrivals.add(System.nanoTime());
                }

                @Override
                public void resubscribed() {
                }
            });
            app.database().transactor().setBeforeCommit(() -> beforeCommit[0] = System.nanoTime());
            int warmup = 20;
            double[] fromCommit = new double[n];
            double[] fromCall = new double[n];
            for (int i = -warmup; i < n; i++) {
                long call = System.nanoTime();
                app.stock().restock(store.manager(), "LAT", 1, null, null);
                Long arrived = arrivals.poll(10, TimeUnit.SECONDS);
                if (arrived == null) {
                    throw new IllegalStateException("change " + i + " never arrived");
                }
                if (i >= 0) {
                    fromCommit[i] = (arrived - beforeCommit[0]) / 1e6;
                    fromCall[i] = (arrived - call) / 1e6;
                }
            }
            app.database().transactor().setBeforeCommit(null);
            Arrays.sort(fromCommit);
            Arrays.sort(fromCall);
            LOG.info("live stock latency over {} restocks: before-commit to delivery median {} ms (p90 {} ms, max {} ms);"
                            + " restock call to delivery median {} ms",
                    n, fmt(fromCommit[n / 2]), fmt(fromCommit[n * 9 / 10]), fmt(fromCommit[n - 1]), fmt(fromCall[n / 2]));
        }
        System.exit(0);
    }

    private static String fmt(double ms) {
        return String.format("%.2f", ms);
    }
}
