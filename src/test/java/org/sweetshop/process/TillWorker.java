package org.sweetshop.process;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.sweetshop.AppContext;
import org.sweetshop.db.Database;
import org.sweetshop.db.Transactor;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.refund.RefundView;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.testing.Race;
import org.sweetshop.testing.TestDatabase;

/**
 * A till as its own JVM, for the multi-process tests: it opens its own connection pool and
 * Hibernate on the store database (never a second embedded PostgreSQL), logs in the cashier and the
 * manager, prints {@code READY}, then takes one JSON command per line on standard input.
 *
 * <ul>
 *   <li>{@code race}: one thread per task, all parked on one gate; prints {@code ARMED} when every
 *       thread is parked, opens the gate on the line {@code GO} (the parent sends it to every till
 *       once all are armed: the barrier across processes), then prints {@code RESULT <json>} with
 *       every outcome.</li>
 *   <li>{@code hold}: checks out one sale whose transaction stops after its writes are flushed
 *       (rows locked, not committed), prints {@code LOCKED <saleId>} and waits for ever: the
 *       parent kills the process there.</li>
 *   <li>{@code sell}: one thread per task sells that basket over and over on this one pool, each
 *       sale sent again under its id while it ends "unreachable" ({@link ContinuousSelling});
 *       {@code status} prints {@code STATUS <json>} (counts so far), {@code stop} lets each thread
 *       finish its sale and prints {@code SOLD <json>} with every sale.</li>
 *   <li>{@code quit}, or the end of standard input: closes and exits.</li>
 * </ul>
 *
 * <p>Arguments: worker number, lock timeout in ms, pool size, and optionally the connect timeout in
 * ms (default 30 s: tills that boot on a busy machine). Environment: SWEETSHOP_DB_URL,
 * SWEETSHOP_DB_USER, SWEETSHOP_DB_PASSWORD (the store database) and SWEETSHOP_PASSWORD (the
 * password of the accounts {@code cashier} and {@code manager}).
 */
public final class TillWorker {

    static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One attempt by one thread: a sale, a restock, a registration or a refund. */
    public record Task(String kind, UUID saleId, String till, List<BasketLine> lines, String coupon, String promo,
                       String sku, int quantity, String username, String receipt) {

        public static Task sale(UUID saleId, String till, List<BasketLine> lines, String coupon, String promo) {
            return new Task("sale", saleId, till, lines, coupon, promo, null, 0, null, null);
        }

        public static Task restock(String sku, int quantity, String till) {
            return new Task("restock", null, till, null, null, null, sku, quantity, null, null);
        }

        public static Task register(String username) {
            return new Task("register", null, null, null, null, null, null, 0, username, null);
        }

        /** A manager's refund of a receipt: whole when {@code lines} is empty, else those items. */
        public static Task refund(String receipt, String till, List<BasketLine> lines) {
            return new Task("refund", null, till, lines, null, null, null, 0, null, receipt);
        }
    }

    /** A line on standard input. */
    public record Command(String op, List<Task> tasks) {
    }

    /**
     * What one task got.
     *
     * @param kind  {@code OK}, a refusal's code or the exception's class name (as {@link Race.Outcome#kind()})
     * @param value the receipt number of a sale, {@code restock} or the username registered
     */
    public record Outcome(int task, String taskKind, String kind, String value, boolean replayed, String error) {
    }

    /** What one till printed after a race; the Transactor figures are this race's only. */
    public record Result(int worker, long pid, Map<String, Long> counts, List<Outcome> outcomes, long deadlocks,
                         long retries, long lockTimeouts) {
    }

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private final int worker;
    private final AppContext app;
    private final Caller cashier;
    private final Caller manager;

    private TillWorker(int worker, AppContext app, Caller cashier, Caller manager) {
        this.worker = worker;
        this.app = app;
        this.cashier = cashier;
        this.manager = manager;
    }

    public static void main(String[] args) throws Exception {
        int worker = Integer.parseInt(args[0]);
        long lockTimeoutMs = Long.parseLong(args[1]);
        int poolSize = Integer.parseInt(args[2]);
        long connectTimeoutMs = args.length > 3 ? Long.parseLong(args[3]) : 30_000;
        String staffPassword = System.getenv("SWEETSHOP_PASSWORD");
        Database.Settings settings = new Database.Settings(System.getenv("SWEETSHOP_DB_URL"), System.getenv("SWEETSHOP_DB_USER"),
                System.getenv("SWEETSHOP_DB_PASSWORD"), poolSize, lockTimeoutMs, connectTimeoutMs);
        Path dataDir = Files.createTempDirectory("sweetshop-till-" + worker);
        int exitCode = 0;
        try (AppContext app = new AppContext(TestDatabase.config(dataDir), null, Database.open(settings, AppContext.entities()),
                TestDatabase.FAST_HASHER, Clock.systemDefaultZone())) {
            TillWorker till = new TillWorker(worker, app, app.staff().login("cashier", staffPassword),
                    app.staff().login("manager", staffPassword));
            OUT.println("READY " + ProcessHandle.current().pid());
            till.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        } catch (Throwable e) {
            OUT.println("ERROR " + e);
            e.printStackTrace();
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private void serve(BufferedReader in) throws Exception {
        String line;
        ContinuousSelling selling = null;
        while ((line = in.readLine()) != null) {
            Command command = JSON.readValue(line, Command.class);
            switch (command.op()) {
                case "race" -> race(command.tasks(), in);
                case "hold" -> hold(command.tasks().get(0));
                case "sell" -> {
                    selling = new ContinuousSelling(worker, app, cashier);
                    selling.start(command.tasks());
                    OUT.println("SELLING");
                }
                case "status" -> OUT.println("STATUS " + JSON.writeValueAsString(selling.status()));
                case "stop" -> OUT.println("SOLD " + JSON.writeValueAsString(selling.stop()));
                case "quit" -> {
                    return;
                }
                default -> throw new IllegalArgumentException("unknown command " + command.op());
            }
        }
    }

    private void race(List<Task> tasks, BufferedReader in) throws Exception {
        int n = tasks.size();
        // a sale without a UUID gets its own, made now and not in the timed part
        List<Task> ready = new ArrayList<>();
        for (Task task : tasks) {
            ready.add(task.kind().equals("sale") && task.saleId() == null
                    ? Task.sale(UUID.randomUUID(), task.till(), task.lines(), task.coupon(), task.promo()) : task);
        }
        Transactor.Stats before = app.database().transactor().stats();
        CountDownLatch parked = new CountDownLatch(n);
        CountDownLatch gate = new CountDownLatch(1);
        Outcome[] outcomes = new Outcome[n];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                parked.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcomes[index] = new Outcome(index, ready.get(index).kind(), "INTERRUPTED", null, false, e.toString());
                    return;
                }
                outcomes[index] = run(index, ready.get(index));
            }, "till-" + worker + "-" + i);
            threads.add(thread);
            thread.start();
        }
        parked.await();
        OUT.println("ARMED");
        String go = in.readLine();
        if (!"GO".equals(go)) {
            throw new IllegalStateException("expected GO, got " + go);
        }
        gate.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        Transactor.Stats after = app.database().transactor().stats();
        Map<String, Long> counts = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            counts.merge(outcome.kind(), 1L, Long::sum);
        }
        OUT.println("RESULT " + JSON.writeValueAsString(new Result(worker, ProcessHandle.current().pid(), counts, List.of(outcomes),
                after.deadlocks() - before.deadlocks(), after.retries() - before.retries(),
                after.lockTimeouts() - before.lockTimeouts())));
    }

    private Outcome run(int index, Task task) {
        try {
            switch (task.kind()) {
                case "sale": {
                    Receipt receipt = app.sales().checkout(cashier,
                            new CheckoutRequest(task.saleId(), task.till(), task.lines(), task.coupon(), task.promo(), Payment.card()));
                    return new Outcome(index, task.kind(), "OK", receipt.receiptNo(), receipt.replayed(), null);
                }
                case "restock":
                    app.stock().restock(manager, task.sku(), task.quantity(), task.till(), "delivery");
                    return new Outcome(index, task.kind(), "OK", "restock", false, null);
                case "register":
                    return new Outcome(index, task.kind(), "OK",
                            app.staff().register(manager, task.username(), Role.CASHIER, System.getenv("SWEETSHOP_PASSWORD")).username(),
                            false, null);
                case "refund": {
                    List<RefundLine> items = task.lines() == null ? List.of()
                            : task.lines().stream().map(l -> new RefundLine(l.sku(), l.quantity())).toList();
                    RefundView refund = app.refunds().refund(manager, task.receipt(), items, task.till(), null);
                    return new Outcome(index, task.kind(), "OK", refund.receiptNo(), false, null);
                }
                default:
                    throw new IllegalArgumentException("unknown task " + task.kind());
            }
        } catch (RuntimeException | Error e) {
            return new Outcome(index, task.kind(), new Race.Outcome<>(null, e).kind(), null, false, e.toString());
        }
    }

    /** The sale's transaction stops for good between its flushed writes and its commit. */
    private void hold(Task task) {
        CountDownLatch never = new CountDownLatch(1);
        app.database().transactor().setBeforeCommit(() -> {
            OUT.println("LOCKED " + task.saleId());
            while (true) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    LockSupport.parkNanos(1_000_000L);
                }
            }
        });
        Thread checkout = new Thread(() -> {
            try {
                app.sales().checkout(cashier, new CheckoutRequest(task.saleId(), task.till(), task.lines(), null, null, Payment.card()));
                OUT.println("ERROR the held sale committed");
            } catch (RuntimeException e) {
                OUT.println("ERROR " + e);
            }
        }, "till-" + worker + "-held");
        checkout.setDaemon(true);
        checkout.start();
    }
}
