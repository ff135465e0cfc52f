package org.sweetshop.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.TestDatabase;

class StaffServiceTest extends DatabaseTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void passwordsAreStoredAsArgon2idHashesNeverInClear() {
        String stored = app.database().transactor().call(em -> em.createQuery(
                "select s from Staff s where s.usernameKey = 'cashier'", Staff.class).getSingleResult().getPasswordHash());

        assertThat(stored).startsWith("$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void logInIgnoresTheUsernamesCaseButNotThePasswords() {
        assertThat(app.staff().login("CaShIeR", PASSWORD).role()).isEqualTo(Role.CASHIER);
        assertThatThrownBy(() -> app.staff().login("cashier", PASSWORD.toUpperCase()))
                .isInstanceOf(NotPermittedException.class).hasMessage("wrong username or password");
        assertThatThrownBy(() -> app.staff().login("nobody", PASSWORD))
                .isInstanceOf(NotPermittedException.class).hasMessage("wrong username or password");
    }

    @Test
    void fiveFailedLogInsLockTheAccountForFiveMinutesEvenWithTheRightPassword() {
        ManualClock clock = new ManualClock();
        StaffService staff = new StaffService(app.database().transactor(), TestDatabase.FAST_HASHER, clock);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> staff.login("cashier", "wrong-password")).hasMessage("wrong username or password");
        }
        assertThatThrownBy(() -> staff.login("cashier", "wrong-password"))
                .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.code()).isEqualTo("ACCOUNT_LOCKED"));

        assertThatThrownBy(() -> staff.login("cashier", PASSWORD))
                .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.code()).isEqualTo("ACCOUNT_LOCKED"));
        clock.advance(Duration.ofMinutes(4));
        assertThatThrownBy(() -> staff.login("cashier", PASSWORD)).hasMessageContaining("locked");
        clock.advance(Duration.ofMinutes(2));
        assertThat(staff.login("cashier", PASSWORD).username()).isEqualTo("cashier");
    }

    @Test
    void aSuccessfulLogInForgetsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> app.staff().login("cashier", "wrong-password")).isInstanceOf(NotPermittedException.class);
        }
        app.staff().login("cashier", PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> app.staff().login("cashier", "wrong-password")).hasMessage("wrong username or password");
        }
        assertThat(app.staff().login("cashier", PASSWORD).username()).isEqualTo("cashier");
    }

    @Test
    void theFirstAccountNeedsNoCallerButMustBeAnOwnerAndOnlyTheFirst() {
        TestDatabase.get().reset();

        assertThatThrownBy(() -> app.staff().register(null, "boss", Role.MANAGER, PASSWORD))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("first account must be an owner");
        assertThat(app.staff().register(null, "boss", Role.OWNER, PASSWORD).role()).isEqualTo(Role.OWNER);
        assertThatThrownBy(() -> app.staff().register(null, "sneaky", Role.OWNER, PASSWORD))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("an owner or manager must add staff")
                .extracting(e -> ((NotPermittedException) e).remedy()).isEqualTo(NotPermittedException.Remedy.A_CALLER);
    }

    @Test
    void aManagerAddsCashiersButOnlyAnOwnerAddsManagersAndACashierAddsNobody() {
        assertThat(app.staff().register(manager, "newbie", Role.CASHIER, PASSWORD).role()).isEqualTo(Role.CASHIER);
        assertThatThrownBy(() -> app.staff().register(manager, "boss2", Role.MANAGER, PASSWORD))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("only an owner");
        assertThatThrownBy(() -> app.staff().register(cashier, "friend", Role.CASHIER, PASSWORD))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("a cashier cannot");
        assertThat(app.staff().register(owner, "boss2", Role.MANAGER, PASSWORD).role()).isEqualTo(Role.MANAGER);
    }

    @Test
    void aDeactivatedAccountCanNeitherLogInNorActOnAnEarlierLogIn() {
        Caller stale = app.staff().login("cashier", PASSWORD);
        app.staff().deactivate(manager, "cashier");

        assertThatThrownBy(() -> app.staff().login("cashier", PASSWORD)).hasMessageContaining("deactivated");
        Caller staleManager = app.staff().login("manager", PASSWORD);
        app.staff().deactivate(owner, "manager");
        assertThatThrownBy(() -> app.staff().register(staleManager, "x1", Role.CASHIER, PASSWORD))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("no longer active");
        assertThat(stale.username()).isEqualTo("cashier");
    }

    @Test
    void aResetPasswordReplacesTheOldOne() {
        app.staff().resetPassword(manager, "cashier", "a-brand-new-password");

        assertThatThrownBy(() -> app.staff().login("cashier", PASSWORD)).isInstanceOf(NotPermittedException.class);
        assertThat(app.staff().login("cashier", "a-brand-new-password").role()).isEqualTo(Role.CASHIER);
    }
}
