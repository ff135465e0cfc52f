package org.sweetshop.staff;

import java.time.Clock;
import org.sweetshop.common.TillNames;
import org.sweetshop.common.Texts;
import org.sweetshop.db.Transactor;

/**
 * Opening the cash drawer without a sale ("no sale"): a manager's or owner's act, with a reason,
 * written to the audit log ({@link AuditAction#DRAWER_OPEN}: who, the till as subject and as till,
 * the reason as the new value). The pulse itself is the caller's (a printer this package does not
 * know); the entry is written only once the pulse was sent, so the log never claims an opening the
 * drawer did not get. A pulse that fails writes nothing.
 */
public final class DrawerOpenings {

    /** The longest reason kept. */
    public static final int MAX_REASON = 200;

    private final Transactor tx;
    private final Clock clock;

    public DrawerOpenings(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Checks the caller and the reason, runs {@code pulse} (which throws when the drawer was not
     * reached), then writes the audit entry.
     */
    public void open(Caller caller, String till, String reason, Runnable pulse) {
        Caller.require(caller, Role.MANAGER, "open the cash drawer without a sale");
        String tillName = TillNames.require(till);
        String why = Texts.requireText("reason", reason, MAX_REASON);
        tx.run(em -> StaffService.requireActive(em, caller));
        pulse.run();
        tx.run(em -> AuditLog.record(em, caller.staffId(), AuditAction.DRAWER_OPEN, tillName, null, why, tillName,
                clock.instant()));
    }

    /**
     * A no sale at a till by someone who may not open the drawer alone (a cashier), approved by a
     * manager's or owner's PIN ({@link StaffService#approve} with {@link Approvable#NO_SALE}). Once the
     * pulse was sent, one transaction writes the opening (by the person at the till) and the
     * approval (by the approver, naming who asked, with the reason).
     */
    public void open(Approval approval, String till, String reason, Runnable pulse) {
        Approval.require(approval, Approvable.NO_SALE);
        Caller.require(approval.approver(), Role.MANAGER, "approve a no sale");
        String tillName = TillNames.require(till);
        String why = Texts.requireText("reason", reason, MAX_REASON);
        tx.run(em -> {
            StaffService.requireActive(em, approval.requester());
            StaffService.requireActive(em, approval.approver());
        });
        pulse.run();
        tx.run(em -> {
            java.time.Instant now = clock.instant();
            AuditLog.record(em, approval.requester().staffId(), AuditAction.DRAWER_OPEN, tillName, null, why, tillName, now);
            approval.record(em, why, tillName, now);
        });
    }
}
