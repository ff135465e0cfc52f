package org.sweetshop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.AppContext;
import org.sweetshop.testing.TestDatabase;

/** What every pooled connection is set up with, and that it stays so. */
class DatabaseSessionTest {

    private Database database;

    @BeforeEach
    void oneConnectionPool() {
        var test = TestDatabase.get().settings();
        // one connection, so every transaction below runs on the very same session
        database = Database.open(new Database.Settings(test.jdbcUrl(), test.user(), test.password(), 1, 4321, 5000),
                AppContext.entities());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private String show(String setting) {
        return database.transactor().call(em -> (String) em.createNativeQuery("show " + setting).getSingleResult());
    }

    @Test
    void lockTimeoutAndTheOtherSessionSettingsSurviveAFirstTransactionThatRollsBack() {
        assertThatThrownBy(() -> database.transactor().call(em -> em.createNativeQuery("select 1 / 0").getResultList()))
                .isInstanceOf(RuntimeException.class);

        assertThat(show("lock_timeout")).isEqualTo("4321ms");
        assertThat(show("idle_in_transaction_session_timeout")).isEqualTo("1min");
        assertThat(show("TimeZone")).isEqualTo("UTC");
    }

    @Test
    void anIdleConnectionIsNotLeftInsideATransaction() {
        show("lock_timeout");

        long idleInTransaction = database.transactor().call(em -> ((Number) em.createNativeQuery(
                "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
                        + " and application_name = 'sweetshop' and state = 'idle in transaction'").getSingleResult()).longValue());

        assertThat(idleInTransaction).isZero();
    }
}
