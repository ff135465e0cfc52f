package org.sweetshop.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Race;
import org.sweetshop.testing.Sql;

/** Log-in checks the password holding no row lock, and its lockout stays exact under concurrency. */
class LoginConcurrencyTest extends DatabaseTest {

    private long failedLogins(String username) {
        return Sql.queryLong(app.database().dataSource(), "select failed_logins from staff where username_key = ?", username);
    }

    private boolean locked(String username) {
        return Sql.queryLong(app.database().dataSource(),
                "select count(*) from staff where username_key = ? and locked_until > now()", username) == 1;
    }

    @Test
    void tenWrongPasswordsAtOnceCountFiveFailuresAndLockTheAccount() {
        var outcomes = Race.run(10, i -> app.staff().login("cashier", "wrong-password-" + i));

        // failures are counted one at a time under the row lock: the fifth locks the account, and
        // the five that come after it find it locked and count nothing
        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("BAD_CREDENTIALS", 4L, "ACCOUNT_LOCKED", 6L));
        assertThat(locked("cashier")).isTrue();
        assertThat(failedLogins("cashier")).isZero();
        assertThatThrownBy(() -> app.staff().login("cashier", PASSWORD)).hasMessageStartingWith("account locked");
    }

    @Test
    void fourWrongPasswordsAtOnceCountFourAndTheRightOneStillLogsIn() {
        var outcomes = Race.run(4, i -> app.staff().login("cashier", "wrong-password-" + i));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("BAD_CREDENTIALS", 4L));
        assertThat(failedLogins("cashier")).isEqualTo(4);
        assertThat(app.staff().login("cashier", PASSWORD).username()).isEqualTo("cashier");
        assertThat(failedLogins("cashier")).isZero();
        assertThat(locked("cashier")).isFalse();
    }

    @Test
    void twelveRightLogInsOfOnePersonAtOnceAreAllLetInNoneBusy() {
        // one failure on record, so the log-ins that read it take the short locked path to reset it
        assertThatThrownBy(() -> app.staff().login("cashier", "wrong-password")).hasMessage("wrong username or password");

        var outcomes = Race.run(12, i -> app.staff().login("cashier", PASSWORD));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 12L));
        assertThat(failedLogins("cashier")).isZero();
    }

    @Test
    void aRightPasswordLogsInWhileAnotherTransactionHoldsTheAccountsRow() throws Exception {
        try (Connection other = app.database().dataSource().getConnection(); Statement s = other.createStatement()) {
            s.executeQuery("select id from staff where username_key = 'cashier' for update").close();

            // nothing to reset: the log-in reads without a lock and writes nothing, so it does not wait
            Caller caller = app.staff().login("cashier", PASSWORD);

            other.rollback();
            assertThat(caller.username()).isEqualTo("cashier");
        }
    }
}
