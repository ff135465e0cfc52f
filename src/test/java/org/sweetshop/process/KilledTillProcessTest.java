package org.sweetshop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sweetshop.AppContext;
import org.sweetshop.db.Database;
import org.sweetshop.process.TillWorker.Command;
import org.sweetshop.process.TillWorker.Result;
import org.sweetshop.process.TillWorker.Task;
import org.sweetshop.sale.Receipt;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Poll;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.JavaProcess;
import org.sweetshop.testing.Race;
import org.sweetshop.testing.TestDatabase;

/**
 * A till process dies (SIGKILL) in the middle of a checkout, after its writes and before its
 * commit, while other tills queue for the rows it holds. PostgreSQL must roll its transaction back
 * and hand the rows to the others: they all finish, and nothing of the dead till's sale remains.
 */
class KilledTillProcessTest extends DatabaseTest {

    private static final int WAITERS_PER_TILL = 10;
    /** The waiting tills wait longer than the whole test could take: here they must never turn "busy". */
    private static final long LONG_LOCK_TIMEOUT_MS = 60_000;

    @Test
    void tillKilledWhileHoldingRowLocksLeavesNoPartialSaleAndTheOtherTillsCarryOn() throws Exception {
        sweet("K1", "1.00", 100);
        sweet("K2", "2.00", 100);
        UUID heldSale = UUID.randomUUID();
        Path dataDir = Files.createTempDirectory("sweetshop-local-till");
        Database.Settings shared = TestDatabase.get().settings();
        ExecutorService local = Executors.newFixedThreadPool(WAITERS_PER_TILL);

        try (Tills tills = Tills.start("kill", 2, LONG_LOCK_TIMEOUT_MS, WAITERS_PER_TILL + 5);
             AppContext localTill = new AppContext(TestDatabase.config(dataDir), null,
                     Database.open(new Database.Settings(shared.jdbcUrl(), shared.user(), shared.password(), WAITERS_PER_TILL + 2,
                             LONG_LOCK_TIMEOUT_MS, 30_000), AppContext.entities()),
                     TestDatabase.FAST_HASHER, Clock.systemDefaultZone())) {
            JavaProcess victim = tills.process(0);
            JavaProcess survivor = tills.process(1);

            // 1. the victim locks K1 and K2, writes its sale and stops before commit
            victim.send(Tills.json(new Command("hold", List.of(
                    Task.sale(heldSale, "V1", List.of(line("K2", 3), line("K1", 2)), null, null)))));
            victim.awaitLineStartingWith("LOCKED " + heldSale, Tills.ARM);

            // 2. ten checkouts in another till process and ten in this JVM, released together
            List<Task> survivorTasks = new ArrayList<>();
            for (int i = 0; i < WAITERS_PER_TILL; i++) {
                survivorTasks.add(Task.sale(null, "S1", List.of(line("K1", 1), line("K2", 1)), null, null));
            }
            survivor.send(Tills.json(new Command("race", survivorTasks)));
            CountDownLatch parked = new CountDownLatch(WAITERS_PER_TILL);
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Race.Outcome<Receipt>>> localSales = new ArrayList<>();
            for (int i = 0; i < WAITERS_PER_TILL; i++) {
                localSales.add(local.submit(() -> {
                    parked.countDown();
                    gate.await();
                    try {
                        return new Race.Outcome<>(localTill.sales().checkout(cashier, basket("L1", List.of(line("K2", 1), line("K1", 1)))), null);
                    } catch (RuntimeException e) {
                        return new Race.Outcome<Receipt>(null, e);
                    }
                }));
            }
            survivor.awaitLine("ARMED"::equals, Tills.ARM, "ARMED");
            assertThat(parked.await(60, TimeUnit.SECONDS)).isTrue();
            survivor.send("GO");
            gate.countDown();

            // 3. all twenty queue behind the victim's row locks
            awaitLockWaiters(2 * WAITERS_PER_TILL, Duration.ofSeconds(90));
            assertThat(localSales).noneMatch(Future::isDone);
            assertThat(count("select count(*) from sale where id = '" + heldSale + "'")).as("the held sale is not committed").isZero();

            // 4. SIGKILL: no rollback from the till itself, PostgreSQL sees the connection drop
            assertThat(victim.kill()).isEqualTo(137);

            Result survivorResult = Tills.result(survivor);
            assertThat(survivorResult.counts()).isEqualTo(Map.of("OK", (long) WAITERS_PER_TILL));
            List<Race.Outcome<Receipt>> localOutcomes = new ArrayList<>();
            for (Future<Race.Outcome<Receipt>> sale : localSales) {
                localOutcomes.add(sale.get(120, TimeUnit.SECONDS));
            }
            assertThat(Race.tally(localOutcomes)).isEqualTo(Map.of("OK", (long) WAITERS_PER_TILL));
        } finally {
            local.shutdownNow();
        }

        assertThat(app.sales().findReceipt(heldSale)).isEmpty();
        assertThat(count("select count(*) from sale where id = '" + heldSale + "'")).isZero();
        assertThat(count("select count(*) from sale_line where sale_id = '" + heldSale + "'")).isZero();
        assertThat(count("select count(*) from stock_movement where sale_id = '" + heldSale + "'")).isZero();
        assertThat(count("select count(*) from till_counter where till = 'V1'")).as("no receipt number was used up").isZero();
        assertThat(count("select count(*) from sale")).isEqualTo(2 * WAITERS_PER_TILL);
        assertThat(stockOf("K1")).isEqualTo(100 - 2 * WAITERS_PER_TILL);
        assertThat(stockOf("K2")).isEqualTo(100 - 2 * WAITERS_PER_TILL);
        var report = app.audit().run();
        assertThat(report.checks()).allSatisfy(check -> assertThat(check.ok()).as(check.name() + " " + check.examples()).isTrue());
        assertThat(report.ok()).isTrue();
    }

    /** Waits until PostgreSQL shows {@code expected} sessions waiting for a lock (a new snapshot each time). */
    private void awaitLockWaiters(int expected, Duration timeout) {
        String sql = "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'";
        long[] waiting = {-1};
        Poll.until(timeout, () -> (waiting[0] = count(sql)) == expected,
                () -> "expected " + expected + " sessions waiting for a lock, saw " + waiting[0]);
    }

    private long count(String sql) {
        return Sql.queryLong(app.database().dataSource(), sql);
    }
}
