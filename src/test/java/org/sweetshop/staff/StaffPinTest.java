package org.sweetshop.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.refund.RefundView;
import org.sweetshop.sale.Receipt;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestClock;
import org.sweetshop.testing.TestDatabase;

/**
 * PINs: set by the back office ({@link #office}: its own with a password, a cashier's by a manager,
 * a manager's by an owner), checked at a till ({@link #app}: unlock, approve; in the till-role run
 * as a till's database role) with a lock-out of their own, and a manager's approval in the audit log.
 */
class StaffPinTest extends DatabaseTest {

    private String snapshot() {
        return Snapshot.of(TestDatabase.get().office().database().dataSource());
    }

    private List<AuditEntry> audit(AuditAction action) {
        return office.auditLog().list(owner, new AuditLogFilter(action, null, null, 100));
    }

    @Test
    void aPersonSetsTheirOwnPinWithTheirPasswordStoredAsAnArgon2idHashAndUnlocksWithIt() {
        office.staff().setOwnPin(cashier, PASSWORD, "2580");

        String stored = office.database().transactor().call(em -> em.createQuery(
                "select s from Staff s where s.usernameKey = 'cashier'", Staff.class).getSingleResult().getPinHash());
        assertThat(stored).startsWith("$argon2id$").doesNotContain("2580");
        assertThat(app.staff().unlock("cashier", "2580")).isEqualTo(cashier);
        assertThat(app.staff().unlock("CASHIER", " 2580".strip())).isEqualTo(cashier);
        assertThat(audit(AuditAction.PIN_SET)).extracting(AuditEntry::staff, AuditEntry::subject, AuditEntry::oldValue, AuditEntry::newValue)
                .containsExactly(tuple("cashier", "cashier", null, null));
        assertThat(office.auditLog().list(owner, AuditLogFilter.latest(100)))
                .allSatisfy(e -> assertThat(String.valueOf(e.oldValue()) + e.newValue() + e.subject()).doesNotContain("2580"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "12a4|a PIN has digits only (0 to 9), 4 to 6 of them",
        "123|a PIN has 4 to 6 digits, not 3",
        "1234567|a PIN has 4 to 6 digits, not 7",
        "''|no PIN given: type 4 to 6 digits",
        "1111|that PIN is too easy to guess (one digit repeated, or a run such as 1234 or 4321): choose another",
        "1234|that PIN is too easy to guess (one digit repeated, or a run such as 1234 or 4321): choose another",
        "654321|that PIN is too easy to guess (one digit repeated, or a run such as 1234 or 4321): choose another",
        "012345|that PIN is too easy to guess (one digit repeated, or a run such as 1234 or 4321): choose another",
    })
    void aPinThatIsNotFourToSixDigitsOrTooEasyIsRefusedAndNothingChanges(String pin, String message) {
        office.staff().setPin(manager, "cashier", "2580");
        String before = snapshot();

        assertThatThrownBy(() -> office.staff().setOwnPin(cashier, PASSWORD, pin))
                .isInstanceOf(InvalidInputException.class).hasMessage(message);
        assertThatThrownBy(() -> office.staff().setPin(manager, "cashier", pin))
                .isInstanceOf(InvalidInputException.class).hasMessage(message);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(app.staff().unlock("cashier", "2580")).isEqualTo(cashier);
    }

    @Test
    void whoMaySetWhosePinAndEveryRefusalChangesNothing() {
        String before = snapshot();

        assertThatThrownBy(() -> office.staff().setOwnPin(cashier, "wrong-password", "2580"))
                .isInstanceOf(NotPermittedException.class).hasMessage("not permitted: wrong password: your PIN is unchanged");
        assertThatThrownBy(() -> office.staff().setPin(cashier, "manager", "2580"))
                .isInstanceOf(NotPermittedException.class).hasMessage("not permitted: a cashier cannot set PINs (needs a manager)");
        assertThatThrownBy(() -> office.staff().setPin(manager, "owner", "2580"))
                .isInstanceOf(NotPermittedException.class).hasMessage("not permitted: only an owner can manage a owner account");
        assertThatThrownBy(() -> office.staff().setPin(manager, "manager", "2580"))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("not permitted: this is your own account: set your own PIN with your password");
        assertThatThrownBy(() -> office.staff().clearPin(cashier, "manager"))
                .isInstanceOf(NotPermittedException.class).hasMessage("not permitted: a cashier cannot clear PINs (needs a manager)");
        assertThatThrownBy(() -> office.staff().setPin(manager, "nobody", "2580"))
                .isInstanceOf(org.sweetshop.common.NotFoundException.class).hasMessage("no member of staff called 'nobody'");
        assertThat(snapshot()).isEqualTo(before);

        // a manager sets a cashier's, an owner a manager's (and the owner its own, with its password)
        office.staff().setPin(manager, "cashier", "2580");
        office.staff().setPin(owner, "manager", "3691");
        office.staff().setOwnPin(owner, PASSWORD, "7410");
        assertThat(app.staff().unlock("cashier", "2580")).isEqualTo(cashier);
        assertThat(app.staff().unlock("manager", "3691")).isEqualTo(manager);
        assertThat(app.staff().unlock("owner", "7410")).isEqualTo(owner);
        assertThat(app.staff().pinHolders(cashier)).containsExactly(new PinHolder("cashier", Role.CASHIER),
                new PinHolder("manager", Role.MANAGER), new PinHolder("owner", Role.OWNER));
        assertThat(audit(AuditAction.PIN_SET)).extracting(AuditEntry::staff, AuditEntry::subject)
                .containsExactly(tuple("owner", "owner"), tuple("owner", "manager"), tuple("manager", "cashier"));

        // cleared: by a manager (a cashier's), by oneself; a second clear changes nothing and logs nothing
        assertThat(office.staff().clearPin(manager, "cashier")).isTrue();
        assertThat(office.staff().clearPin(owner, "owner")).isTrue();
        assertThat(office.staff().clearPin(manager, "cashier")).isFalse();
        assertThat(audit(AuditAction.PIN_CLEAR)).extracting(AuditEntry::staff, AuditEntry::subject)
                .containsExactly(tuple("owner", "owner"), tuple("manager", "cashier"));
        assertThatThrownBy(() -> app.staff().unlock("cashier", "2580")).isInstanceOf(NotPermittedException.class)
                .hasMessage("not permitted: cashier has no PIN: log in with the password, or ask a manager to set one");
        assertThat(app.staff().pinHolders(cashier)).containsExactly(new PinHolder("manager", Role.MANAGER));
    }

    @Test
    void fiveWrongPinsLockThePinForFifteenMinutesSayingUntilWhenAndThePasswordStillLogsIn() {
        office.staff().setPin(manager, "cashier", "2580");
        TestClock clock = TestClock.stopped();
        StaffService till = new StaffService(app.database().transactor(), TestDatabase.FAST_HASHER, clock);

        for (int left = 4; left >= 1; left--) {
            int tries = left;
            assertThatThrownBy(() -> till.unlock("cashier", "9999"))
                    .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.code()).isEqualTo("WRONG_PIN"))
                    .hasMessage("wrong PIN for cashier: " + tries + (tries == 1 ? " try" : " tries") + " left before the PIN locks for 15 minutes");
        }
        String until = DateTimeFormatter.ofPattern("HH:mm").format(clock.instant().plus(Duration.ofMinutes(15)).atZone(ZoneOffset.UTC));
        String locked = "the PIN of cashier is locked until " + until
                + " after repeated wrong PINs: wait until then, or log in with the password";
        assertThatThrownBy(() -> till.unlock("cashier", "9999")).hasMessage(locked);
        assertThat(Sql.queryLong(app.database().dataSource(),
                "select count(*) from staff where username = 'cashier' and pin_failures = 0 and pin_locked_until is not null"
                        + " and failed_logins = 0 and locked_until is null")).isEqualTo(1);

        // locked: the right PIN too, and a locked PIN counts nothing more
        String before = snapshot();
        assertThatThrownBy(() -> till.unlock("cashier", "2580"))
                .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.code()).isEqualTo("PIN_LOCKED")).hasMessage(locked);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(till.login("cashier", PASSWORD)).isEqualTo(cashier);

        clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> till.unlock("cashier", "2580")).hasMessage(locked);
        clock.advance(Duration.ofMinutes(2));
        assertThat(till.unlock("cashier", "2580")).isEqualTo(cashier);
    }

    @Test
    void tenWrongPinsAtOnceCountFiveAndLockThePinExactly() {
        office.staff().setPin(manager, "cashier", "2580");

        var outcomes = org.sweetshop.testing.Race.run(10, i -> app.staff().unlock("cashier", "90" + (10 + i)));

        // counted one at a time under the row's lock: the fifth locks the PIN, the five after it find it locked
        assertThat(org.sweetshop.testing.Race.tally(outcomes)).isEqualTo(java.util.Map.of("WRONG_PIN", 4L, "PIN_LOCKED", 6L));
        assertThat(Sql.queryLong(app.database().dataSource(),
                "select count(*) from staff where username = 'cashier' and pin_failures = 0 and pin_locked_until > now()")).isEqualTo(1);
        assertThatThrownBy(() -> app.staff().unlock("cashier", "2580"))
                .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.code()).isEqualTo("PIN_LOCKED"));
    }

    @Test
    void aRightPinForgetsTheWrongOnesBeforeIt() {
        office.staff().setPin(manager, "cashier", "2580");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> app.staff().unlock("cashier", "0000")).isInstanceOf(NotPermittedException.class);
        }
        assertThat(app.staff().unlock("cashier", "2580")).isEqualTo(cashier);
        assertThatThrownBy(() -> app.staff().unlock("cashier", "0000"))
                .hasMessage("wrong PIN for cashier: 4 tries left before the PIN locks for 15 minutes");
    }

    @Test
    void aDeactivatedPersonsPinIsRefusedAndTheyAreNoLongerListed() {
        office.staff().register(owner, "temp", Role.CASHIER, PASSWORD);
        office.staff().setPin(manager, "temp", "8642");
        office.staff().deactivate(manager, "temp");

        assertThatThrownBy(() -> app.staff().unlock("temp", "8642")).isInstanceOf(NotPermittedException.class)
                .hasMessage("not permitted: the account 'temp' has been deactivated");
        assertThat(app.staff().pinHolders(cashier)).isEmpty();
    }

    @Test
    void aCashierCannotApproveEvenWithTheRightPinAndNothingIsCounted() {
        office.staff().setPin(manager, "cashier", "2580");
        office.staff().register(owner, "cashier2", Role.CASHIER, PASSWORD);
        office.staff().setPin(manager, "cashier2", "1357");
        Caller second = app.staff().login("cashier2", PASSWORD);
        String before = snapshot();

        assertThatThrownBy(() -> app.staff().approve(second, Approvable.NO_SALE, "cashier", "2580"))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("not permitted: cashier is a cashier and cannot approve a no sale (needs a manager or an owner)");
        assertThatThrownBy(() -> app.staff().approve(second, Approvable.REFUND, "cashier", "0000"))
                .hasMessage("not permitted: cashier is a cashier and cannot approve a refund (needs a manager or an owner)");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aNoSaleApprovedByAManagersPinOpensTheDrawerAndTheAuditNamesTheApprover() {
        office.staff().setPin(owner, "manager", "3691");
        AtomicInteger pulses = new AtomicInteger();

        assertThatThrownBy(() -> app.staff().approve(cashier, Approvable.NO_SALE, "manager", "1470"))
                .hasMessage("wrong PIN for manager: 4 tries left before the PIN locks for 15 minutes");
        Approval approval = app.staff().approve(cashier, Approvable.NO_SALE, "manager", "3691");
        assertThat(approval.approver()).isEqualTo(manager);
        assertThat(approval.requester()).isEqualTo(cashier);
        app.drawer().open(approval, "T1", "change for the float", pulses::incrementAndGet);

        assertThat(pulses).hasValue(1);
        assertThat(audit(AuditAction.DRAWER_OPEN)).extracting(AuditEntry::staff, AuditEntry::subject, AuditEntry::newValue, AuditEntry::till)
                .containsExactly(tuple("cashier", "T1", "change for the float", "T1"));
        assertThat(audit(AuditAction.APPROVAL))
                .extracting(AuditEntry::staff, AuditEntry::subject, AuditEntry::oldValue, AuditEntry::newValue, AuditEntry::till)
                .containsExactly(tuple("manager", "no-sale", "cashier", "change for the float", "T1"));
    }

    @Test
    void anApprovalForSomethingElseOpensNoDrawerAndWritesNothing() {
        office.staff().setPin(owner, "manager", "3691");
        Approval refund = app.staff().approve(cashier, Approvable.REFUND, "manager", "3691");
        AtomicInteger pulses = new AtomicInteger();
        String before = snapshot();

        assertThatThrownBy(() -> app.drawer().open(refund, "T1", "change", pulses::incrementAndGet))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("not permitted: the approval was given for a refund, not for a no sale");
        assertThatThrownBy(() -> app.drawer().open((Approval) null, "T1", "change", pulses::incrementAndGet))
                .hasMessage("not permitted: a no sale needs a manager's approval");

        assertThat(pulses).hasValue(0);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theAuditLogTakesEveryAuditActionAndStillRefusesAnyOther() {
        // V18 extends audit_log_action_ck with what the check held before it, whichever migration put it there
        for (AuditAction action : AuditAction.values()) {
            office.database().transactor().run(em -> AuditLog.record(em, owner.staffId(), action, "probe", null, null, null,
                    java.time.Instant.now()));
        }
        assertThat(Sql.queryLong(office.database().dataSource(), "select count(*) from audit_log where subject = 'probe'"))
                .isEqualTo(AuditAction.values().length);
        assertThatThrownBy(() -> Sql.execute(office.database().dataSource(),
                "insert into audit_log (at, staff_id, action, subject) select now(), id, 'NOT_AN_ACTION', 'x' from staff limit 1"))
                .hasRootCauseInstanceOf(java.sql.SQLException.class).rootCause().hasMessageContaining("audit_log_action_ck");
    }

    @Test
    void aRefundApprovedAtTheTillIsMadeByTheApproverAndTheAuditSaysWhoAsked() {
        sweet("SL", "1.20", 5);
        Receipt sold = app.sales().checkout(cashier, basket("T1", List.of(line("SL", 2))));
        office.staff().setPin(owner, "manager", "3691");

        Approval approval = app.staff().approve(cashier, Approvable.REFUND, "manager", "3691");
        RefundView refund = app.refunds().refund(approval.approver(), sold.receiptNo(), List.of(new RefundLine("SL", 1)), "T1", "broken");
        app.staff().recordApproval(approval, sold.receiptNo() + " 1.20", "T1");

        assertThat(refund.manager()).isEqualTo("manager");
        assertThat(stockOf("SL")).isEqualTo(4);
        assertThat(audit(AuditAction.APPROVAL))
                .extracting(AuditEntry::staff, AuditEntry::subject, AuditEntry::oldValue, AuditEntry::newValue, AuditEntry::till)
                .containsExactly(tuple("manager", "refund", "cashier", "T1-000001 1.20", "T1"));
    }
}
