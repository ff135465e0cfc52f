package org.sweetshop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.sweetshop.AppContext;
import org.sweetshop.bench.CheckoutBenchmark;
import org.sweetshop.bench.CouponBenchmark;
import org.sweetshop.coupon.CouponService;
import org.sweetshop.bench.ReportBenchmark;
import org.sweetshop.bench.ScanBenchmark;
import org.sweetshop.common.Texts;
import org.sweetshop.config.AppConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Benchmarks.", subcommands = {BenchCommand.Checkout.class, BenchCommand.Scan.class,
        BenchCommand.Report.class, BenchCommand.Coupons.class})
final class BenchCommand extends CliCommand.Group {

    @Command(name = "checkout", description = {"N tills selling 3-line baskets from a few hot sweets: the checkout service",
            "against seed-style atomic JDBC updates (in id order), in the same run, on a fresh durable embedded",
            "database in a temporary folder (or on --db, which must be an empty store database)."})
    static final class Checkout extends CliCommand {

        @Option(names = "--tills", defaultValue = "16", paramLabel = "N")
        int tills;

        @Option(names = "--seconds", defaultValue = "20", paramLabel = "S")
        int seconds;

        @Option(names = "--hot", defaultValue = "5", paramLabel = "N", description = "how many hot sweets (at least 3)")
        int hot;

        @Option(names = "--warmup", defaultValue = "10", paramLabel = "S", description = "seconds each side sells before measuring")
        int warmup;

        @Option(names = "--rounds", defaultValue = "2", paramLabel = "N", description = "alternating turns per side")
        int rounds;

        @Override
        public Integer call() throws Exception {
            Texts.requireRange("tills", tills, 1, 128);
            Texts.requireRange("seconds", seconds, 1, 3600);
            Texts.requireRange("hot", hot, 3, 1000);
            Texts.requireRange("warmup", warmup, 0, 600);
            Texts.requireRange("rounds", rounds, 1, seconds);
            var out = out();
            return onFreshDatabase(this, cli().config().withPoolSize(tills + 2), "checkout benchmark: " + tills + " tills, " + seconds
                    + " s per side in " + rounds + " alternating rounds, 3-line baskets from " + hot + " hot sweets,", context -> {
                        var report = new CheckoutBenchmark(context, line -> out.println("  " + line))
                                .run(new CheckoutBenchmark.Options(tills, Duration.ofSeconds(seconds), hot, Duration.ofSeconds(warmup), rounds));
                        print(report);
                        return Cli.OK;
                    });
        }

        private void print(CheckoutBenchmark.Report report) {
            var out = out();
            out.printf("%n%-32s %9s %8s %8s %8s %8s %6s %8s %10s %10s%n", "", "sales/s", "p50 ms", "p99 ms", "sales",
                    "refused", "busy", "retries", "deadlocks", "oversold");
            for (var r : new CheckoutBenchmark.Result[] {report.baseline(), report.service()}) {
                out.printf("%-32s %9.1f %8.2f %8.2f %8d %8d %6d %8d %10d %10d%n", r.name(), r.salesPerSecond(), r.p50Millis(),
                        r.p99Millis(), r.sales(), r.refused(), r.busy(), r.retries(), r.deadlocksRetried(), r.stockMismatch());
            }
            out.printf("%nratio service/baseline: %.2f (target >= 0.80)%n", report.ratio());
            out.println("deadlocks reaching a caller: " + report.service().deadlocksSurfaced()
                    + "; failed: baseline " + report.baseline().failed() + ", service " + report.service().failed()
                    + "; stock = start - units sold: " + (report.baseline().stockMismatch() == 0 && report.service().stockMismatch() == 0 ? "yes" : "NO"));
        }
    }

    @Command(name = "scan", description = {"QR decoding time on generated 640×480 camera frames with sensor noise,",
            "half holding a coupon's code, half nothing: the camera-frame pass on every",
            "frame, the whole still-image pipeline on a few. Needs no database."})
    static final class Scan extends CliCommand {

        @Option(names = "--frames", defaultValue = "400", paramLabel = "N", description = "camera-frame decodes timed per kind of frame")
        int frames;

        @Option(names = "--stills", defaultValue = "20", paramLabel = "N", description = "still-image decodes timed per kind of frame")
        int stills;

        @Option(names = "--warmup", defaultValue = "200", paramLabel = "N", description = "untimed decodes first")
        int warmup;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "seed of the generated frames")
        long seed;

        @Override
        public Integer call() {
            Texts.requireRange("frames", frames, 1, 1_000_000);
            Texts.requireRange("stills", stills, 0, 10_000);
            Texts.requireRange("warmup", warmup, 0, 1_000_000);
            var out = out();
            out.println("scan benchmark: " + ScanBenchmark.WIDTH + "×" + ScanBenchmark.HEIGHT + " frames with sensor noise, "
                    + frames + " camera-frame and " + stills + " still-image decodes per kind");
            var report = new ScanBenchmark(line -> out.println("  " + line)).run(new ScanBenchmark.Options(frames, stills, warmup, seed));
            out.printf("%n%-24s %8s %6s %10s %10s %10s%n", "", "decodes", "read", "median ms", "p90 ms", "max ms");
            for (var t : report.timings()) {
                out.printf("%-24s %8d %6d %10.2f %10.2f %10.2f%n", t.name(), t.decodes(), t.read(), t.medianMillis(), t.p90Millis(),
                        t.maxMillis());
            }
            return Cli.OK;
        }
    }

    @Command(name = "report", description = {"The sales report over N sales spread over a year (made by SQL in seconds), on a",
            "fresh durable embedded database in a temporary folder (or on --db, which must be an empty store",
            "database): the year's and a month's report, median of several runs after a warm-up."})
    static final class Report extends CliCommand {

        @Option(names = "--sales", defaultValue = "100000", paramLabel = "N", description = "sales to make (default: ${DEFAULT-VALUE})")
        int sales;

        @Option(names = "--runs", defaultValue = "7", paramLabel = "N", description = "timed runs of each report (default: ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--warmup", defaultValue = "2", paramLabel = "N", description = "untimed runs first (default: ${DEFAULT-VALUE})")
        int warmup;

        @Override
        public Integer call() throws Exception {
            Texts.requireRange("sales", sales, 1, 10_000_000);
            Texts.requireRange("runs", runs, 1, 1000);
            Texts.requireRange("warmup", warmup, 0, 1000);
            var out = out();
            return onFreshDatabase(this, cli().config(), "report benchmark: " + sales + " sales over a year, " + runs + " timed runs after "
                    + warmup + " warm-up,", context -> {
                var report = new ReportBenchmark(context, line -> out.println("  " + line))
                        .run(new ReportBenchmark.Options(sales, runs, warmup));
                var summary = report.yearReport().summary();
                out.printf("%n%-8s %-25s %9s %11s %9s %9s%n", "report", "days", "sales", "median ms", "min ms", "max ms");
                for (var t : new ReportBenchmark.Timing[] {report.year(), report.month()}) {
                    out.printf("%-8s %-25s %9d %11.1f %9.1f %9.1f%n", t.name(), t.from() + " to " + t.to(), t.sales(), t.medianMillis(),
                            t.minMillis(), t.maxMillis());
                }
                out.printf("%nthe year's report: %d sales, %d units, gross %s, coupon discounts %s, promo discounts %s, net %s"
                        + " (cash %s, card %s); %d tills, %d sweets, %d Z reports%n", summary.sales(), summary.units(), money(summary.gross()),
                        money(summary.couponDiscounts()), money(summary.promoDiscounts()), money(summary.net()), money(summary.cash()),
                        money(summary.card()), report.yearReport().byTill().size(), report.yearReport().topSweets().size(),
                        report.yearReport().shifts().size());
                boolean agrees = summary.sales() == sales && summary.net().compareTo(report.netBySql()) == 0;
                out.println("net = sum(sale.total) of every sale: " + (agrees ? "yes" : "NO (" + money(report.netBySql()) + ")")
                        + String.format("; %d lines made in %.1f s", report.lines(), report.generateSeconds()));
                return agrees ? Cli.OK : Cli.UNEXPECTED;
            });
        }
    }

    @Command(name = "coupons", description = {"Issues a batch of coupons and renders it to the printable PDF sheet, timing",
            "the two apart (median of the runs), on a fresh durable embedded database in a temporary",
            "folder (or on --db, which must be an empty store database)."})
    static final class Coupons extends CliCommand {

        @Option(names = "--count", defaultValue = "1000", paramLabel = "N", description = "coupons per batch (default 1000)")
        int count;

        @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "timed batches (default 5)")
        int runs;

        @Option(names = "--warmup", defaultValue = "2", paramLabel = "N", description = "untimed batches first (default 2)")
        int warmup;

        @Override
        public Integer call() throws Exception {
            Texts.requireRange("count", count, 1, CouponService.MAX_BATCH);
            Texts.requireRange("runs", runs, 1, 1000);
            Texts.requireRange("warmup", warmup, 0, 1000);
            var out = out();
            return onFreshDatabase(this, cli().config(), "coupon benchmark: " + warmup + " + " + runs + " batches of " + count
                    + " coupons, issued then rendered to the A4 sheet,", context -> {
                var report = new CouponBenchmark(context, line -> out.println("  " + line))
                        .run(new CouponBenchmark.Options(count, runs, warmup));
                out.printf("%n%d coupons, %d pages, %,d bytes of PDF%n", report.coupons(), report.pages(), report.pdfBytes());
                out.printf("issue  (CouponService.issue):  median %8.1f ms%n", report.issueMedian());
                out.printf("render (CouponSheet.toBytes): median %8.1f ms%n", report.renderMedian());
                out.printf("issue + render:                median %8.1f ms%n", report.issueMedian() + report.renderMedian());
                return Cli.OK;
            });
        }
    }

    /** A benchmark's work on an open database; returns the exit code. */
    @FunctionalInterface
    interface OnDatabase {
        int run(AppContext context) throws Exception;
    }

    /**
     * Prints {@code what} and where it runs, then runs {@code bench} on a fresh durable embedded
     * database in a temporary folder (removed afterwards), or on the configured {@code --db}.
     */
    static int onFreshDatabase(CliCommand command, AppConfig base, String what, OnDatabase bench) throws Exception {
        Path scratch = null;
        AppConfig config = base;
        if (base.embedded()) {
            scratch = Files.createTempDirectory("sweetshop-bench");
            config = base.withDataDir(scratch);
        }
        command.out().println(what + " on " + (scratch != null ? "a fresh embedded PostgreSQL (fsync on)" : config.dbUrl()));
        try (AppContext context = AppContext.open(config)) {
            return bench.run(context);
        } finally {
            if (scratch != null) {
                deleteTree(scratch);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
