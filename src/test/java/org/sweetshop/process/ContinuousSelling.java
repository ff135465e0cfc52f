package org.sweetshop.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.sweetshop.AppContext;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.process.TillWorker.Task;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Caller;
import org.sweetshop.testing.Pace;
import org.sweetshop.testing.Race;

/**
 * A long-running till's selling, as a cashier does it: each thread sells one basket after another
 * on the till's one pool and Hibernate (never reopened), and a sale whose checkout ends
 * "unreachable" is sent again under the same sale id until it ends otherwise, as the till's
 * "send again" does. What each sale ended as, how many tries it took and the longest single try
 * are kept for the test, which restarts the database under it.
 */
final class ContinuousSelling {

    /** One basket, as it finally ended. */
    record Sale(UUID saleId, String kind, int quantity, int attempts, String error) {
    }

    /** Counters the test polls while the load runs. */
    record Status(long ok, long unreachable, long busy, long other) {
    }

    /** Everything, when selling stops. */
    record Summary(int worker, long pid, List<Sale> sales, Map<String, Long> attemptKinds, long longestAttemptMs,
                   long replayed, List<String> unexpected) {
    }

    /** A queue's pace, compressed: the tills leave the two cores to the command-line sales too. */
    private static final long BETWEEN_SALES_MS = 100;
    private static final long RESEND_AFTER_MS = 100;

    private final int worker;
    private final AppContext app;
    private final Caller cashier;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Sale> sales = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, LongAdder> attemptKinds = new ConcurrentHashMap<>();
    private final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong longestAttemptNanos = new AtomicLong();
    private final LongAdder ok = new LongAdder();
    private final LongAdder unreachable = new LongAdder();
    private final LongAdder busy = new LongAdder();
    private final LongAdder other = new LongAdder();
    /** Sales whose re-send found them made already: a commit whose reply was lost. */
    private final LongAdder replayed = new LongAdder();
    private volatile boolean stopping;

    ContinuousSelling(int worker, AppContext app, Caller cashier) {
        this.worker = worker;
        this.app = app;
        this.cashier = cashier;
    }

    /** One thread per template: each sells the template's basket over and over. */
    void start(List<Task> templates) {
        for (int i = 0; i < templates.size(); i++) {
            Task template = templates.get(i);
            Thread thread = new Thread(() -> sellUntilStopped(template), "till-" + worker + "-seller-" + i);
            threads.add(thread);
            thread.start();
        }
    }

    private void sellUntilStopped(Task template) {
        int quantity = template.lines().stream().mapToInt(l -> l.quantity()).sum();
        while (!stopping) {
            UUID saleId = UUID.randomUUID();
            CheckoutRequest request = new CheckoutRequest(saleId, template.till(), template.lines(), null, null, Payment.card());
            int attempts = 0;
            while (true) {
                attempts++;
                long started = System.nanoTime();
                String kind;
                String error = null;
                try {
                    Receipt receipt = app.sales().checkout(cashier, request);
                    kind = "OK";
                    if (receipt.replayed()) {
                        replayed.increment();
                    }
                    if (!receipt.saleId().equals(saleId)) {
                        unexpected.add("receipt of " + receipt.saleId() + " for sale " + saleId);
                    }
                } catch (RuntimeException | Error e) {
                    kind = new Race.Outcome<>(null, e).kind();
                    error = e.toString();
                    if (!(e instanceof DatabaseUnreachableException) && !kind.equals("BusyException")) {
                        java.io.StringWriter trace = new java.io.StringWriter();
                        e.printStackTrace(new java.io.PrintWriter(trace));
                        unexpected.add(trace.toString());
                    }
                }
                longestAttemptNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
                attemptKinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
                if (kind.equals("DatabaseUnreachableException")) {
                    unreachable.increment();
                    Pace.pause(RESEND_AFTER_MS);
                    continue; // the till sends it again under the same id
                }
                (kind.equals("OK") ? ok : kind.equals("BusyException") ? busy : other).increment();
                sales.add(new Sale(saleId, kind, quantity, attempts, error));
                break;
            }
            Pace.pause(BETWEEN_SALES_MS);
        }
    }

    Status status() {
        return new Status(ok.sum(), unreachable.sum(), busy.sum(), other.sum());
    }

    /** Lets every thread finish the sale it has in hand (sent again until it ends), then sums up. */
    Summary stop() throws InterruptedException {
        stopping = true;
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, Long> kinds = new TreeMap<>();
        attemptKinds.forEach((k, v) -> kinds.put(k, v.sum()));
        return new Summary(worker, ProcessHandle.current().pid(), List.copyOf(sales), kinds,
                longestAttemptNanos.get() / 1_000_000, replayed.sum(), List.copyOf(unexpected));
    }
}
