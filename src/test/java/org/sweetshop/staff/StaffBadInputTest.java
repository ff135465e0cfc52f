package org.sweetshop.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.testing.BadInputCase;

/** StaffService with bad input: every refusal is clear, short, and changes nothing. */
class StaffBadInputTest extends BadInputCase {

    static Stream<String> badUsernames() {
        return Stream.of(TEN_KB, DROP_TABLE, OR_TRUE, "a", "bob smith", "-bob", ".bob", "bob\nadmin", "bob\u0000",
                "b\u001b[2Jb", "bøb", "ｂｏｂ", "bob\u200b", "a".repeat(33), "   ");
    }

    // ---- register

    @ParameterizedTest
    @MethodSource("badUsernames")
    void registerRefusesABadUsernameAndChangesNothing(String username) {
        var e = refused(InvalidInputException.class, () -> app.staff().register(owner, username, Role.CASHIER, PASSWORD));
        assertThat(e.field()).isEqualTo("username");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void registerRefusesAMissingUsername(String username) {
        var e = refused(InvalidInputException.class, () -> app.staff().register(owner, username, Role.CASHIER, PASSWORD));
        assertThat(e).hasMessageContaining("username is missing");
    }

    @Test
    void registerRefusesAMissingRoleAndChangesNothing() {
        var e = refused(InvalidInputException.class, () -> app.staff().register(owner, "bob", null, PASSWORD));
        assertThat(e.field()).isEqualTo("role");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "1234567"})
    void registerRefusesAPasswordShorterThanEightCharacters(String password) {
        var e = refused(InvalidInputException.class, () -> app.staff().register(owner, "bob", Role.CASHIER, password));
        assertThat(e).hasMessageContaining("at least 8");
    }

    @Test
    void registerRefusesA10kBPasswordWithAShortMessage() {
        var e = refused(InvalidInputException.class, () -> app.staff().register(owner, "bob", Role.CASHIER, TEN_KB));
        assertThat(e).hasMessageContaining("at most 128");
    }

    @Test
    void registerRefusesAUsernameTakenInAnotherCase() {
        var e = refused(AlreadyExistsException.class, () -> app.staff().register(owner, "CaShIeR", Role.CASHIER, PASSWORD));
        assertThat(e).hasMessageContaining("already registered");
    }

    @Test
    void registerWithoutACallerIsRefusedOnceAccountsExist() {
        var e = refused(NotPermittedException.class, () -> app.staff().register(null, "bob", Role.OWNER, PASSWORD));
        assertThat(e).hasMessageContaining("staff accounts exist already");
    }

    @Test
    void aCashierCannotRegisterStaff() {
        var e = refused(NotPermittedException.class, () -> app.staff().register(cashier, "bob", Role.CASHIER, PASSWORD));
        assertThat(e).hasMessageContaining("not permitted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MANAGER", "OWNER"})
    void aManagerCannotRegisterAManagerOrAnOwner(Role role) {
        var e = refused(NotPermittedException.class, () -> app.staff().register(manager, "bob", role, PASSWORD));
        assertThat(e).hasMessageContaining("only an owner");
    }

    // ---- login

    @Test
    void loginRefusesAnUnknownUserAndChangesNothing() {
        var e = refused(NotPermittedException.class, () -> app.staff().login("nobody", PASSWORD));
        assertThat(e.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(e).hasMessage("wrong username or password");
    }

    @ParameterizedTest
    @MethodSource("badUsernames")
    void loginRefusesABadUsernameAsBadCredentialsAndChangesNothing(String username) {
        var e = refused(NotPermittedException.class, () -> app.staff().login(username, PASSWORD));
        assertThat(e.code()).isEqualTo("BAD_CREDENTIALS");
    }

    @Test
    void loginRefusesNullsAsBadCredentials() {
        assertThat(refused(NotPermittedException.class, () -> app.staff().login(null, PASSWORD)).code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(refused(NotPermittedException.class, () -> app.staff().login("cashier", null)).code()).isEqualTo("BAD_CREDENTIALS");
    }

    @Test
    void loginRefusesA10kBPasswordWithoutCountingItAgainstTheAccount() {
        var e = refused(NotPermittedException.class, () -> app.staff().login("cashier", TEN_KB));
        assertThat(e.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(failedLogins("cashier")).isZero();
    }

    @Test
    void loginWithAWrongPasswordChangesOnlyTheFailedLoginCounter() {
        String before = snapshotIgnoringLoginCounters();

        var e = org.assertj.core.api.Assertions.catchThrowableOfType(NotPermittedException.class,
                () -> app.staff().login("cashier", "wrong-password"));

        assertThat(e.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(snapshotIgnoringLoginCounters()).isEqualTo(before);
        assertThat(failedLogins("cashier")).isEqualTo(1);
        assertThat(failedLogins("manager")).isZero();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        for (int i = 1; i <= 4; i++) {
            var e = org.assertj.core.api.Assertions.catchThrowableOfType(NotPermittedException.class,
                    () -> app.staff().login("cashier", "wrong-password"));
            assertThat(e.code()).isEqualTo("BAD_CREDENTIALS");
        }
        var fifth = org.assertj.core.api.Assertions.catchThrowableOfType(NotPermittedException.class,
                () -> app.staff().login("cashier", "wrong-password"));
        assertThat(fifth.code()).isEqualTo("ACCOUNT_LOCKED");
        assertShortMessage(fifth.getMessage());
        assertThat(locked("cashier")).isTrue();

        var right = refused(NotPermittedException.class, () -> app.staff().login("cashier", PASSWORD));
        assertThat(right.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(right).hasMessageContaining("account locked");
    }

    @Test
    void loginOfADeactivatedAccountIsRefused() {
        app.staff().deactivate(manager, "cashier");

        var e = refused(NotPermittedException.class, () -> app.staff().login("cashier", PASSWORD));
        assertThat(e).hasMessageContaining("deactivated");
    }

    // ---- deactivate, resetPassword, list

    @ParameterizedTest
    @MethodSource("badUsernames")
    void deactivateRefusesABadUsernameAndChangesNothing(String username) {
        var e = refused(InvalidInputException.class, () -> app.staff().deactivate(owner, username));
        assertThat(e.field()).isEqualTo("username");
    }

    @Test
    void deactivateRefusesANullUsername() {
        refused(InvalidInputException.class, () -> app.staff().deactivate(owner, null));
    }

    @Test
    void deactivateRefusesAnUnknownUser() {
        var e = refused(NotFoundException.class, () -> app.staff().deactivate(owner, "nobody"));
        assertThat(e).hasMessageContaining("nobody");
    }

    @Test
    void aCashierCannotDeactivateAnyone() {
        refused(NotPermittedException.class, () -> app.staff().deactivate(cashier, "cashier"));
    }

    @Test
    void aManagerCannotDeactivateTheOwner() {
        var e = refused(NotPermittedException.class, () -> app.staff().deactivate(manager, "owner"));
        assertThat(e).hasMessageContaining("only an owner");
    }

    @ParameterizedTest
    @MethodSource("badUsernames")
    void resetPasswordRefusesABadUsernameAndChangesNothing(String username) {
        refused(InvalidInputException.class, () -> app.staff().resetPassword(owner, username, "a-new-password"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short"})
    void resetPasswordRefusesATooShortPassword(String password) {
        var e = refused(InvalidInputException.class, () -> app.staff().resetPassword(owner, "cashier", password));
        assertThat(e).hasMessageContaining("at least 8");
    }

    @Test
    void resetPasswordRefusesA10kBPassword() {
        var e = refused(InvalidInputException.class, () -> app.staff().resetPassword(owner, "cashier", TEN_KB));
        assertThat(e).hasMessageContaining("at most 128");
    }

    @Test
    void resetPasswordRefusesAnUnknownUser() {
        refused(NotFoundException.class, () -> app.staff().resetPassword(owner, "nobody", "a-new-password"));
    }

    static Stream<Arguments> notAllowedResets() {
        return Stream.of(Arguments.of("cashier", "cashier"), Arguments.of("cashier", "manager"), Arguments.of("manager", "owner"),
                Arguments.of("manager", "manager"));
    }

    @ParameterizedTest
    @MethodSource("notAllowedResets")
    void resetPasswordIsRefusedBelowTheAccountsRank(String who, String whose) {
        Caller caller = who.equals("cashier") ? cashier : manager;
        refused(NotPermittedException.class, () -> app.staff().resetPassword(caller, whose, "a-new-password"));
    }

    @Test
    void aCashierCannotListStaff() {
        refused(NotPermittedException.class, () -> app.staff().list(cashier));
    }

    @Test
    void aCallerWhoseAccountWasDeactivatedCannotRegisterStaff() {
        app.staff().deactivate(owner, "manager");

        var e = refused(NotPermittedException.class, () -> app.staff().register(manager, "bob", Role.CASHIER, PASSWORD));
        assertThat(e).hasMessageContaining("no longer active");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deactivate", "resetPassword", "list"})
    void aNullCallerIsRefusedAsNotPermitted(String method) {
        refused(NotPermittedException.class, () -> {
            switch (method) {
                case "deactivate" -> app.staff().deactivate(null, "cashier");
                case "resetPassword" -> app.staff().resetPassword(null, "cashier", "a-new-password");
                default -> app.staff().list(null);
            }
        });
    }
}
