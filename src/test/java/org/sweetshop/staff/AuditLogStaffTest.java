package org.sweetshop.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.testing.BadInputCase;

/** Staff actions in the audit log: who did what to whom, never a password. */
class AuditLogStaffTest extends BadInputCase {

    @Test
    void registrationsDeactivationsAndPasswordResetsAreRecorded() {
        app.staff().register(manager, "Carol", Role.CASHIER, "carol-password-1");
        app.staff().resetPassword(manager, "carol", "carol-password-2");
        app.staff().deactivate(owner, "Carol");

        List<AuditEntry> entries = app.auditLog().list(owner, AuditLogFilter.latest(10));

        // newest first; emptyStore() registered owner (by itself), manager and cashier (by the owner)
        assertThat(entries).extracting(AuditEntry::staff, AuditEntry::action, AuditEntry::subject, AuditEntry::oldValue, AuditEntry::newValue)
                .containsExactly(
                        tuple("owner", AuditAction.STAFF_DEACTIVATE, "Carol", "active", "inactive"),
                        tuple("manager", AuditAction.PASSWORD_RESET, "Carol", null, null),
                        tuple("manager", AuditAction.STAFF_REGISTER, "Carol", null, "cashier"),
                        tuple("owner", AuditAction.STAFF_REGISTER, "cashier", null, "cashier"),
                        tuple("owner", AuditAction.STAFF_REGISTER, "manager", null, "manager"),
                        tuple("owner", AuditAction.STAFF_REGISTER, "owner", null, "owner"));
        assertThat(snapshot()).doesNotContain("carol-password");
    }

    @Test
    void theLogFiltersByActionSubjectAndStaffAndLimits() {
        app.staff().register(manager, "Carol", Role.CASHIER, "carol-password-1");
        app.staff().register(owner, "Dave", Role.CASHIER, "dave-password-1");

        assertThat(app.auditLog().list(manager, new AuditLogFilter(null, null, "MANAGER", 10)))
                .extracting(AuditEntry::subject).containsExactly("Carol");
        assertThat(app.auditLog().list(manager, new AuditLogFilter(AuditAction.STAFF_REGISTER, "Dave", null, 10)))
                .extracting(AuditEntry::staff).containsExactly("owner");
        assertThat(app.auditLog().list(manager, AuditLogFilter.latest(2))).extracting(AuditEntry::subject).containsExactly("Dave", "Carol");
    }

    @Test
    void aRefusedStaffActionWritesNoEntry() {
        refused(NotPermittedException.class, () -> app.staff().register(manager, "Boss", Role.MANAGER, "boss-password-1"));
        refused(NotPermittedException.class, () -> app.staff().deactivate(cashier, "manager"));
        refused(InvalidInputException.class, () -> app.auditLog().list(manager, AuditLogFilter.latest(0)));
        refused(InvalidInputException.class, () -> app.auditLog().list(manager, new AuditLogFilter(null, null, "'; drop table staff; --", 5)));
    }
}
