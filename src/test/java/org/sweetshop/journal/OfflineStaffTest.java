package org.sweetshop.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.PasswordHasher;
import org.sweetshop.staff.Role;
import org.sweetshop.testing.Race;

/** The offline log-in cache counts wrong passwords as an online log-in does, and locks the account on this till. */
class OfflineStaffTest {

    private static final PasswordHasher HASHER = new PasswordHasher(1024, 1);
    private static final Caller ANNA = new Caller(7, "anna", Role.CASHIER);

    @TempDir
    Path dataDir;

    @Test
    void fiveWrongPasswordsInARowLockTheAccountOfflineUntilItLogsInOnlineAgain() {
        OfflineStaff staff = OfflineStaff.in(dataDir, HASHER);
        staff.remember(ANNA, "right-one");

        for (int i = 1; i < OfflineStaff.MAX_FAILED_LOGINS; i++) {
            assertThatThrownBy(() -> staff.login("anna", "guess")).isInstanceOfSatisfying(NotPermittedException.class,
                    e -> assertThat(e.code()).isEqualTo("BAD_CREDENTIALS"));
        }
        assertThat(staff.login("anna", "right-one").staffId()).as("a right password resets the count").isEqualTo(7);
        for (int i = 1; i < OfflineStaff.MAX_FAILED_LOGINS; i++) {
            assertThatThrownBy(() -> staff.login("Anna", "guess")).isInstanceOf(NotPermittedException.class);
        }
        assertThatThrownBy(() -> staff.login("anna", "guess")).isInstanceOfSatisfying(NotPermittedException.class, e -> {
            assertThat(e.code()).isEqualTo("ACCOUNT_LOCKED");
            assertThat(e.getMessage()).isEqualTo("account locked on this till after 5 wrong passwords while offline: "
                    + "log in again when the store database is back, or ask a manager");
        });
        assertThatThrownBy(() -> staff.login("anna", "right-one")).as("locked: the right password too")
                .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.code()).isEqualTo("ACCOUNT_LOCKED"));
        assertThatThrownBy(() -> OfflineStaff.in(dataDir, HASHER).login("anna", "right-one")).as("kept in the file, not in memory")
                .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.code()).isEqualTo("ACCOUNT_LOCKED"));

        staff.remember(ANNA, "right-one"); // the next log-in the store database accepted
        assertThat(staff.login("anna", "right-one").username()).isEqualTo("anna");
    }

    @Test
    void tenWrongPasswordsAtOnceCountExactlyFiveAndLock() {
        OfflineStaff.in(dataDir, HASHER).remember(ANNA, "right-one");

        List<Race.Outcome<Caller>> outcomes = Race.run(10, i -> OfflineStaff.in(dataDir, HASHER).login("anna", "guess" + i));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("BAD_CREDENTIALS", 4L, "ACCOUNT_LOCKED", 6L));
        assertThatThrownBy(() -> OfflineStaff.in(dataDir, HASHER).login("anna", "right-one"))
                .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.code()).isEqualTo("ACCOUNT_LOCKED"));
    }
}
