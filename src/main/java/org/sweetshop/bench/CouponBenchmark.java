package org.sweetshop.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.sweetshop.AppContext;
import org.sweetshop.common.Discount;
import org.sweetshop.coupon.IssuedCoupon;
import org.sweetshop.print.CouponSheet;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;

/**
 * The back office's coupon batch, timed in its two halves: issuing N coupons through
 * {@code CouponService.issue} (tokens, hashes, one transaction) and rendering them to the printable
 * PDF sheet in memory ({@link CouponSheet#toBytes}). A few untimed rounds first, then the median.
 */
public final class CouponBenchmark {

    public record Options(int coupons, int runs, int warmup) {
    }

    /** Milliseconds of each timed run, and the median of each half. */
    public record Report(int coupons, int pages, int pdfBytes, double[] issueMillis, double[] renderMillis) {

        public double issueMedian() {
            return median(issueMillis);
        }

        public double renderMedian() {
            return median(renderMillis);
        }
    }

    private final AppContext context;
    private final Consumer<String> progress;

    public CouponBenchmark(AppContext context, Consumer<String> progress) {
        this.context = context;
        this.progress = progress;
    }

    /** Runs on an empty store: registers an owner "bench" to issue with. */
    public Report run(Options options) {
        String password = "bench-password-" + UUID.randomUUID();
        context.staff().register(null, "bench", Role.OWNER, password);
        Caller owner = context.staff().login("bench", password);
        Discount discount = Discount.percent(new BigDecimal("10"));
        LocalDate expiry = LocalDate.now().plusMonths(3);
        double[] issue = new double[options.runs()];
        double[] render = new double[options.runs()];
        int bytes = 0;
        for (int round = -options.warmup(); round < options.runs(); round++) {
            long start = System.nanoTime();
            List<IssuedCoupon> batch = context.coupons().issue(owner, options.coupons(), discount, expiry);
            long issued = System.nanoTime();
            byte[] pdf = CouponSheet.toBytes(batch, "Sweetshop bench", null);
            long rendered = System.nanoTime();
            String kind = round < 0 ? "warm-up" : "run " + (round + 1);
            progress.accept(String.format("%-8s issue %8.1f ms, render %8.1f ms, %,d bytes", kind, millis(issued - start),
                    millis(rendered - issued), pdf.length));
            if (round >= 0) {
                issue[round] = millis(issued - start);
                render[round] = millis(rendered - issued);
                bytes = pdf.length;
            }
        }
        return new Report(options.coupons(), CouponSheet.pages(options.coupons()), bytes, issue, render);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
