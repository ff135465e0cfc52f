package org.sweetshop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.AppContext;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestDatabase;

/**
 * What live stock's trigger costs checkout, not a test: the checkout benchmark on one fresh
 * durable embedded database (fsync on), alternating the sweet triggers off and on between runs so
 * both sides see the same machine load. Run with the test classpath:
 * {@code java ... org.sweetshop.bench.NotifyCostBench [pairs] [seconds] [notify-first]}.
 */
public final class NotifyCostBench {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyCostBench.class);

    private NotifyCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        boolean notifyFirst = args.length > 2 && args[2].equals("notify-first");
        Path dir = Files.createTempDirectory("sweetshop-notify-bench");
        var config = TestDatabase.config(dir).withPoolSize(18);
        List<String> lines = new ArrayList<>();
        try (AppContext context = AppContext.open(config)) {
            var pool = context.database().dataSource();
            for (int i = 0; i < pairs * 2; i++) {
                boolean notify = (i % 2 == 1) != notifyFirst;
                Sql.execute(pool, "truncate table sale_line, sale, till_counter, stock_movement, coupon, promo, sweet, staff cascade");
                Sql.execute(pool, "alter table sweet " + (notify ? "enable" : "disable") + " trigger user");
                var report = new CheckoutBenchmark(context, line -> { })
                        .run(new CheckoutBenchmark.Options(16, Duration.ofSeconds(seconds), 5, Duration.ofSeconds(2), 1));
                String line = String.format("%-9s baseline %7.1f sales/s   service %7.1f sales/s  p50 %6.2f ms  p99 %7.2f ms",
                        notify ? "notify" : "no notify", report.baseline().salesPerSecond(), report.service().salesPerSecond(),
                        report.service().p50Millis(), report.service().p99Millis());
                LOG.info(line);
                lines.add(line);
            }
            Sql.execute(pool, "alter table sweet enable trigger user");
        }
        LOG.info("notify cost:\n{}", String.join("\n", lines));
        System.exit(0);
    }
}
