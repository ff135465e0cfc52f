package org.sweetshop.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.AppContext;
import org.sweetshop.common.BusyException;
import org.sweetshop.db.Database;
import org.sweetshop.db.Transactor;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Poll;
import org.sweetshop.testing.Race;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestDatabase;

/**
 * A lock wait that hits lock_timeout is retried once in a fresh transaction before it is "busy"
 * (DESIGN, concurrency contract point 3).
 */
class LockTimeoutRetryTest extends DatabaseTest {

    /** Short enough for a test, long enough for the test to see the second wait and release in it. */
    private static final long LOCK_TIMEOUT_MS = 2000;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    /** A till of its own on the test database, with the given lock timeout and pool. */
    private AppContext till(long lockTimeoutMs, int pool) {
        Database.Settings shared = TestDatabase.get().settings();
        Database database = Database.open(new Database.Settings(shared.jdbcUrl(), shared.user(), shared.password(), pool, lockTimeoutMs,
                shared.connectTimeoutMs()), AppContext.entities());
        opened.add(database);
        return new AppContext(TestDatabase.config(TestDatabase.get().dataDir()), null, database, TestDatabase.FAST_HASHER,
                Clock.systemDefaultZone());
    }

    /** Another till holding the sweet's row lock, from a plain JDBC connection. */
    private Connection holdRowOf(String sku) throws SQLException {
        Database.Settings shared = TestDatabase.get().settings();
        Connection holder = DriverManager.getConnection(shared.jdbcUrl(), shared.user(), shared.password());
        opened.add(holder);
        holder.setAutoCommit(false);
        try (Statement s = holder.createStatement()) {
            s.executeQuery("select id from sweet where sku = '" + sku + "' for update").close();
        }
        return holder;
    }

    /** The transaction start of the backend waiting for a row lock held by {@code holder}, or null when none waits. */
    private static String waitingTransaction(Connection observer, Connection holder) throws SQLException {
        int holderPid;
        try (Statement s = holder.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            holderPid = rs.getInt(1);
        }
        try (PreparedStatement s = observer.prepareStatement("select xact_start::text from pg_stat_activity"
                + " where wait_event_type = 'Lock' and ? = any(pg_blocking_pids(pid))")) {
            s.setInt(1, holderPid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String seen(Connection observer, Connection holder) {
        try {
            return waitingTransaction(observer, holder);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRowReleasedDuringTheRetryAfterALockTimeoutIsSoldNotBusy() throws Exception {
        sweet("SL", "1.00", 10);
        AppContext till = till(LOCK_TIMEOUT_MS, 2);
        Transactor.Stats before = till.database().transactor().stats();
        Database.Settings shared = TestDatabase.get().settings();
        Connection holder = holdRowOf("SL");
        Connection observer = DriverManager.getConnection(shared.jdbcUrl(), shared.user(), shared.password());
        opened.add(observer);

        CompletableFuture<Receipt> sale = CompletableFuture.supplyAsync(
                () -> till.sales().checkout(cashier, basket("T1", List.of(line("SL", 1)))));
        String[] first = new String[1];
        Poll.until(Duration.ofSeconds(30), () -> (first[0] = seen(observer, holder)) != null, () -> "no till waits for SL");
        // the first wait ends in lock_timeout; the retry waits again, in a transaction of its own
        String[] second = new String[1];
        Poll.until(Duration.ofSeconds(30), () -> {
            second[0] = seen(observer, holder);
            return second[0] != null && !second[0].equals(first[0]);
        }, () -> "no second wait after " + first[0] + ", last seen " + second[0]);
        holder.rollback();

        Receipt receipt = sale.get(30, TimeUnit.SECONDS);
        assertThat(receipt.replayed()).isFalse();
        assertThat(stockOf("SL")).isEqualTo(9);
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isEqualTo(1);
        Transactor.Stats after = till.database().transactor().stats();
        assertThat(after.lockTimeouts() - before.lockTimeouts()).isEqualTo(1);
        assertThat(after.retries() - before.retries()).isEqualTo(1);
    }

    @Test
    void aRowHeldPastBothWaitsIsBusyAndNothingChanges() throws Exception {
        sweet("SL", "1.00", 10);
        AppContext till = till(LOCK_TIMEOUT_MS, 2);
        Transactor.Stats before = till.database().transactor().stats();
        Connection holder = holdRowOf("SL");

        assertThatThrownBy(() -> till.sales().checkout(cashier, basket("T1", List.of(line("SL", 1)))))
                .isInstanceOf(BusyException.class)
                .hasMessage("busy: another till is selling SL, try again");
        holder.rollback();

        assertThat(stockOf("SL")).isEqualTo(10);
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isZero();
        Transactor.Stats after = till.database().transactor().stats();
        assertThat(after.lockTimeouts() - before.lockTimeouts()).isEqualTo(2);
        assertThat(after.retries() - before.retries()).isEqualTo(1);
    }

    @Test
    void twelveTillsSellingTheSameSweetAtOnceAreAllServedNoneBusy() {
        sweet("SL", "1.00", 100);
        // the product's default lock timeout, one connection per till
        AppContext store = till(3000, 12);

        var outcomes = Race.run(12, i -> store.sales().checkout(cashier, basket("T" + (i + 1), List.of(line("SL", 2)))));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 12L));
        assertThat(stockOf("SL")).isEqualTo(76);
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isEqualTo(12);
        assertThat(app.audit().run().ok()).isTrue();
    }
}
