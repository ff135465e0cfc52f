package org.sweetshop.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sweetshop.AppContext;
import org.sweetshop.Launcher;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.db.Database;
import org.sweetshop.process.ContinuousSelling.Sale;
import org.sweetshop.process.ContinuousSelling.Status;
import org.sweetshop.process.ContinuousSelling.Summary;
import org.sweetshop.process.TillWorker.Command;
import org.sweetshop.process.TillWorker.Task;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.JavaProcess;
import org.sweetshop.testing.Pace;
import org.sweetshop.testing.Poll;
import org.sweetshop.testing.RestartablePostgres;
import org.sweetshop.testing.TestDatabase;

/**
 * PostgreSQL restarted under load, twice ({@code pg_ctl stop -m fast}, then {@code -m immediate},
 * each time started again on the same port after the tills have seen it gone), while two
 * long-running till JVMs (one pool and Hibernate each, never reopened) sell continuously and
 * real {@code sweetshop sell} command-line JVMs sell one basket after another. At each restart one
 * more command-line sale is caught in flight (it waits for a row this test locks when postgres
 * goes), so it must end "unreachable" naming its sale id. A command that ends "unreachable"
 * (exit 5) is sent again with the sale id it printed until it ends otherwise; the tills send
 * theirs again themselves.
 *
 * <p>Exact outcomes: every exit code is 0, 4 or 5; the sales in the database are exactly the sale
 * ids that ended made (0), none twice; the stock is the start less the confirmed quantities; the
 * audit passes; each till process carried on after each restart without being restarted, and no
 * single try took longer than its bounded timeouts.
 */
class DatabaseRestartProcessTest {

    private static final int TILLS = 2;
    private static final int SELLERS_PER_TILL = 3;
    private static final int CLI_LANES = 1;
    private static final int STOCK = 100_000;
    /** Sales each till must make between two marks: proof it sells (again). */
    private static final long SALES_BETWEEN_MARKS = 15;
    /** A real till's default (connect.timeout.ms): how long a sale waits for a connection while the database is down. */
    private static final Duration TILL_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A try is bounded by the pool's connect timeout or pgjdbc's socket timeout (30 s), whichever applies. */
    private static final Duration LONGEST_TRY = Duration.ofSeconds(35);
    private static final Duration RESEND_AFTER = Duration.ofSeconds(1);
    /** A command-line JVM's start on a loaded 2-core machine: its Hibernate bootstrap alone has taken 15 s. */
    private static final Duration START_A_JVM = Duration.ofSeconds(240);
    private static final Duration PHASE = Duration.ofSeconds(90);
    private static final List<BasketLine> CLI_BASKET = List.of(new BasketLine("R1", 2), new BasketLine("R2", 1));
    /** Each sold only by the command-line sale held on its row across one restart. */
    private static final List<String> HELD_SKUS = List.of("RH1", "RH2");

    /** One command-line run: its exit code, the sale id it printed (null: none was sent), its stderr. */
    record Run(int exitCode, UUID saleId, boolean replayed, String stderr) {
    }

    @Test
    void tillsAndCommandLineSalesCarryOnThroughFastAndImmediateRestartsWithExactCounts() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.open();
             AppContext office = new AppContext(TestDatabase.config(postgres.dataDir()), null,
                     Database.open(postgres.settings(4, 3000, 5000), AppContext.entities()), TestDatabase.FAST_HASHER,
                     Clock.systemDefaultZone())) {
            office.staff().register(null, "owner", Role.OWNER, DatabaseTest.PASSWORD);
            Caller owner = office.staff().login("owner", DatabaseTest.PASSWORD);
            office.staff().register(owner, "manager", Role.MANAGER, DatabaseTest.PASSWORD);
            office.staff().register(owner, "cashier", Role.CASHIER, DatabaseTest.PASSWORD);
            Caller manager = office.staff().login("manager", DatabaseTest.PASSWORD);
            for (String sku : List.of("R1", "R2", "RH1", "RH2")) {
                office.catalog().add(manager, new NewSweet(sku, "Sweet " + sku, "Test", new BigDecimal("1.00"), STOCK, 0), "T0");
            }

            CommandLineSales cli = new CommandLineSales(postgres);
            List<Run> runs = cli.runs;
            List<List<Run>> heldSales = new ArrayList<>();
            List<Summary> summaries = new ArrayList<>();
            ExecutorService lanes = Executors.newFixedThreadPool(CLI_LANES + HELD_SKUS.size());
            long[] pids = new long[TILLS];
            try (Tills tills = Tills.start("restart", TILLS, 3000, SELLERS_PER_TILL + 1, postgres.env(),
                    TILL_CONNECT_TIMEOUT.toMillis())) {
                for (int t = 0; t < TILLS; t++) {
                    List<Task> sellers = new ArrayList<>();
                    for (int s = 0; s < SELLERS_PER_TILL; s++) {
                        sellers.add(Task.sale(null, "RT" + (t + 1), List.of(new BasketLine("R1", 1), new BasketLine("R2", 1 + s % 2)),
                                null, null));
                    }
                    tills.process(t).send(Tills.json(new Command("sell", sellers)));
                    tills.process(t).awaitLine("SELLING"::equals, Tills.ARM, "SELLING");
                    pids[t] = tills.process(t).pid();
                }
                java.util.concurrent.atomic.AtomicBoolean load = new java.util.concurrent.atomic.AtomicBoolean(true);
                List<Future<?>> laneResults = new ArrayList<>();
                for (int lane = 0; lane < CLI_LANES; lane++) {
                    String till = "RC" + (lane + 1);
                    laneResults.add(lanes.submit(() -> {
                        while (load.get()) {
                            cli.sellOne(till, CLI_BASKET, Map.of());
                        }
                        return null;
                    }));
                }

                long t0 = System.nanoTime();
                Status[] mark = mark(tills, null);
                List<String> modes = List.of("fast", "immediate");
                List<Future<List<Run>>> held = new ArrayList<>();
                // the first sale to be caught in flight starts now: its JVM boots while the tills sell
                Connection holder = holdAndSell(postgres, cli, lanes, 0, held);
                for (int restart = 0; restart < modes.size(); restart++) {
                    String mode = modes.get(restart);
                    mark = mark(tills, mark);
                    Connection waitedFor = holder;
                    Poll.until(START_A_JVM, () -> blockedBy(waitedFor) == 1, () -> "the held command-line sale never waited for the row");
                    phase("stopping (" + mode + ") with a command-line sale in flight", t0);
                    postgres.stop(mode);
                    closeQuietly(holder);
                    Status[] down = statuses(tills);
                    // the tills see it gone: each has had a try end "unreachable"
                    Poll.until(PHASE, () -> {
                        Status[] now = statuses(tills);
                        for (int t = 0; t < TILLS; t++) {
                            if (now[t].unreachable() <= down[t].unreachable()) {
                                return false;
                            }
                        }
                        return true;
                    }, () -> "the tills did not notice the database stopped (" + mode + ")");
                    phase("tills saw it gone, starting", t0);
                    postgres.start();
                    if (restart + 1 < modes.size()) {
                        holder = holdAndSell(postgres, cli, lanes, restart + 1, held);
                    }
                    // each till sells again by itself: the same process, its same pool
                    mark = mark(tills, mark);
                    phase("tills sell again", t0);
                }
                for (Future<List<Run>> sale : held) {
                    heldSales.add(sale.get(START_A_JVM.toSeconds(), TimeUnit.SECONDS));
                }
                phase("the held command-line sales ended", t0);
                load.set(false);
                for (Future<?> lane : laneResults) {
                    lane.get(PHASE.toSeconds() * 2, TimeUnit.SECONDS);
                }
                phase("command-line lanes done", t0);
                for (int t = 0; t < TILLS; t++) {
                    tills.process(t).send(Tills.json(new Command("stop", List.of())));
                    String line = tills.process(t).awaitLineStartingWith("SOLD ", Tills.FINISH);
                    summaries.add(TillWorker.JSON.readValue(line.substring("SOLD ".length()), Summary.class));
                }
            } finally {
                lanes.shutdownNow();
            }

            // every exit code: 0, 4 or 5; an unexpected one shows what it printed
            assertThat(runs).allSatisfy(run -> assertThat(run.exitCode()).as(run.stderr()).isIn(0, 4, 5));
            assertThat(runs).as("command-line sales made").anyMatch(run -> run.exitCode() == 0);
            assertThat(cli.madeInOrder).as("no sale id made twice").doesNotHaveDuplicates();
            // the sales caught in flight: "unreachable" naming the sale id, then sent again with it and made
            assertThat(heldSales).hasSize(2).allSatisfy(held -> {
                assertThat(held.get(0).exitCode()).as(held.get(0).stderr()).isEqualTo(5);
                assertThat(held.get(0).saleId()).as(held.get(0).stderr()).isNotNull();
                assertThat(held.get(0).stderr()).contains("the sale may have been made; send it again with --sale-id " + held.get(0).saleId());
                assertThat(held).extracting(Run::exitCode).last().isEqualTo(0);
                // a re-send that meets a start-up fault (nothing sent) names no id: the script keeps the one it passed
                assertThat(held).extracting(Run::saleId).allMatch(id -> id == null || id.equals(held.get(0).saleId()));
                assertThat(cli.made).containsKey(held.get(0).saleId());
            });
            // the tills: the same processes throughout, only made, busy or unreachable, each try bounded
            Map<UUID, Integer> quantityOfMade = new HashMap<>();
            Set<UUID> tillNotMade = new HashSet<>();
            for (int t = 0; t < TILLS; t++) {
                Summary summary = summaries.get(t);
                assertThat(summary.pid()).as("till " + (t + 1) + " was never restarted").isEqualTo(pids[t]);
                assertThat(summary.unexpected()).as("till " + (t + 1) + ": neither made, busy nor unreachable").isEmpty();
                assertThat(summary.attemptKinds().keySet()).isSubsetOf("OK", "BusyException", "DatabaseUnreachableException");
                assertThat(summary.attemptKinds()).containsKey("DatabaseUnreachableException");
                assertThat(summary.longestAttemptMs()).as("longest try of till " + (t + 1)).isLessThan(LONGEST_TRY.toMillis());
                for (Sale sale : summary.sales()) {
                    if (sale.kind().equals("OK")) {
                        assertThat(quantityOfMade.put(sale.saleId(), sale.quantity())).as("sale " + sale.saleId() + " twice").isNull();
                    } else {
                        tillNotMade.add(sale.saleId());
                    }
                }
            }
            Map<String, Long> sold = new HashMap<>();
            cli.made.forEach((id, lines) -> {
                assertThat(quantityOfMade.put(id, lines.stream().mapToInt(BasketLine::quantity).sum())).as("sale " + id + " twice").isNull();
                lines.forEach(line -> sold.merge(line.sku(), (long) line.quantity(), Long::sum));
            });

            Map<UUID, Long> inDatabase = salesInDatabase(office);
            assertThat(inDatabase.keySet()).as("the sales in the database are exactly the ones that ended made")
                    .isEqualTo(quantityOfMade.keySet());
            assertThat(tillNotMade).as("busy sales of the tills are not made").noneMatch(inDatabase::containsKey);
            assertThat(cli.notMade).as("busy sales of the command line are not made").noneMatch(inDatabase::containsKey);
            assertThat(inDatabase).allSatisfy((id, quantity) -> assertThat(quantity).as("quantity of " + id)
                    .isEqualTo((long) quantityOfMade.get(id)));
            for (Sale sale : summaries.stream().flatMap(s -> s.sales().stream()).filter(s -> s.kind().equals("OK")).toList()) {
                sold.merge("R1", 1L, Long::sum); // a till's basket: one R1, the rest R2
                sold.merge("R2", sale.quantity() - 1L, Long::sum);
            }
            for (String sku : List.of("R1", "R2", "RH1", "RH2")) {
                assertThat(office.catalog().find(sku).stock()).as("stock of " + sku).isEqualTo(STOCK - sold.getOrDefault(sku, 0L));
            }
            var report = office.audit().run();
            assertThat(report.checks()).allSatisfy(check -> assertThat(check.ok()).as(check.name() + " " + check.examples()).isTrue());

            Map<Integer, Long> exits = new java.util.TreeMap<>();
            runs.forEach(run -> exits.merge(run.exitCode(), 1L, Long::sum));
            System.out.printf("restarts under load: %d sales made (%d by the command line), command-line exits %s, "
                            + "command-line re-sends replayed %d, till re-sends replayed %d, till tries %s, longest till try %d ms%n",
                    inDatabase.size(), cli.made.size(), exits, runs.stream().filter(Run::replayed).count(),
                    summaries.stream().mapToLong(Summary::replayed).sum(),
                    summaries.stream().map(Summary::attemptKinds).toList(),
                    summaries.stream().mapToLong(Summary::longestAttemptMs).max().orElse(0));
        }
    }

    /**
     * Baskets sold by the real program, as a script sells them: {@code sell --json}; on exit 5 with a
     * sale id, the same command again with {@code --sale-id} until it ends otherwise (a run that sent
     * nothing, a start-up fault, is run again as it was). Every run is kept; the sale ids that ended
     * made (with their lines) and those that ended otherwise.
     */
    private static final class CommandLineSales {
        final List<Run> runs = Collections.synchronizedList(new ArrayList<>());
        final Map<UUID, List<BasketLine>> made = Collections.synchronizedMap(new HashMap<>());
        final List<UUID> madeInOrder = Collections.synchronizedList(new ArrayList<>());
        final Set<UUID> notMade = Collections.synchronizedSet(new HashSet<>());
        private final RestartablePostgres postgres;

        CommandLineSales(RestartablePostgres postgres) {
            this.postgres = postgres;
        }

        /** Sells one basket; returns this basket's runs, the last one final. */
        List<Run> sellOne(String till, List<BasketLine> basket, Map<String, String> env) throws Exception {
            List<Run> mine = new ArrayList<>();
            UUID saleId = null;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (true) {
                List<String> args = new ArrayList<>(List.of("--data-dir", Files.createTempDirectory("sweetshop-cli-till").toString(),
                        "sell", "--till", till, "--as", "cashier", "--json"));
                for (BasketLine line : basket) {
                    args.addAll(List.of("--item", line.sku() + ":" + line.quantity()));
                }
                if (saleId != null) {
                    args.addAll(List.of("--sale-id", saleId.toString()));
                }
                Map<String, String> all = new HashMap<>(JavaProcess.env(postgres.env(), "SWEETSHOP_PASSWORD", DatabaseTest.PASSWORD));
                all.putAll(env);
                Run run;
                try (JavaProcess sell = JavaProcess.start("sell-" + till, Launcher.class, args, all)) {
                    int code = sell.awaitExit(Duration.ofMinutes(2));
                    run = run(code, sell.stdout(), sell.stderr());
                }
                runs.add(run);
                mine.add(run);
                if (saleId != null && run.saleId() != null && !saleId.equals(run.saleId())) {
                    throw new AssertionError("sent " + saleId + " again, it printed " + run.saleId());
                }
                if (run.saleId() != null) {
                    saleId = run.saleId();
                }
                if (run.exitCode() == 5 && System.nanoTime() < deadline) {
                    Pace.pause(RESEND_AFTER.toMillis()); // as a script would, before it tries again
                    continue;
                }
                if (run.exitCode() == 0) {
                    made.put(saleId, basket);
                    madeInOrder.add(saleId);
                } else if (saleId != null) {
                    notMade.add(saleId);
                }
                return mine;
            }
        }
    }

    /**
     * Locks the row of held sweet {@code n} in a transaction of a connection of the test's own, then
     * starts the command-line sale of that sweet, which will wait for it (lock timeout 60 s).
     */
    private static Connection holdAndSell(RestartablePostgres postgres, CommandLineSales cli, ExecutorService lanes, int n,
                                          List<Future<List<Run>>> held) throws java.sql.SQLException {
        Connection holder = DriverManager.getConnection(postgres.env().get("SWEETSHOP_DB_URL"), postgres.env().get("SWEETSHOP_DB_USER"),
                postgres.env().get("SWEETSHOP_DB_PASSWORD"));
        holder.setAutoCommit(false);
        try (Statement lock = holder.createStatement()) {
            lock.execute("select id from sweet where sku = '" + HELD_SKUS.get(n) + "' for update");
        }
        held.add(lanes.submit(() -> cli.sellOne("RH" + (n + 1), List.of(new BasketLine(HELD_SKUS.get(n), 1)),
                Map.of("SWEETSHOP_LOCK_TIMEOUT_MS", "60000"))));
        return holder;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (java.sql.SQLException e) {
            // the server that held it is gone
        }
    }

    /** How many sessions wait for a lock {@code holder} holds (a fresh statistics snapshot each time: it is inside a transaction). */
    private static int blockedBy(Connection holder) {
        try (Statement s = holder.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Statement s = holder.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Run run(int code, String stdout, String stderr) {
        String last = stdout.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        UUID saleId = null;
        boolean replayed = false;
        if (last != null) {
            try {
                JsonNode json = TillWorker.JSON.readTree(last);
                if (json.hasNonNull("saleId")) {
                    saleId = UUID.fromString(json.get("saleId").asText());
                }
                replayed = json.path("replayed").asBoolean(false);
            } catch (java.io.IOException e) {
                throw new AssertionError("unreadable JSON (exit " + code + "): " + last + "\n" + stderr, e);
            }
        }
        return new Run(code, saleId, replayed, "exit " + code + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr);
    }

    private static void phase(String what, long t0) {
        System.out.printf("restart test at %5.1f s: %s%n", (System.nanoTime() - t0) / 1e9, what);
    }

    /** Waits until each till made {@link #SALES_BETWEEN_MARKS} more sales than at {@code previous}. */
    private static Status[] mark(Tills tills, Status[] previous) {
        if (previous == null) {
            return statuses(tills);
        }
        Status[][] now = {previous};
        Poll.until(PHASE, () -> {
            now[0] = statuses(tills);
            for (int t = 0; t < TILLS; t++) {
                if (now[0][t].ok() < previous[t].ok() + SALES_BETWEEN_MARKS) {
                    return false;
                }
            }
            return true;
        }, () -> "the tills did not sell " + SALES_BETWEEN_MARKS + " more: " + java.util.Arrays.toString(now[0]));
        return now[0];
    }

    private static Status[] statuses(Tills tills) {
        Status[] statuses = new Status[TILLS];
        for (int t = 0; t < TILLS; t++) {
            tills.process(t).send(Tills.json(new Command("status", List.of())));
            String line = tills.process(t).awaitLineStartingWith("STATUS ", Tills.ARM);
            try {
                statuses[t] = TillWorker.JSON.readValue(line.substring("STATUS ".length()), Status.class);
            } catch (java.io.IOException e) {
                throw new AssertionError(line, e);
            }
        }
        return statuses;
    }

    /** Each sale's total quantity, read back from the database. */
    private static Map<UUID, Long> salesInDatabase(AppContext office) throws Exception {
        Map<UUID, Long> sales = new HashMap<>();
        try (Connection c = office.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select s.id, coalesce(sum(l.quantity), 0) from sale s left join sale_line l on l.sale_id = s.id"
                     + " group by s.id")) {
            while (rs.next()) {
                sales.put(rs.getObject(1, UUID.class), rs.getLong(2));
            }
            c.rollback();
        }
        return sales;
    }
}
