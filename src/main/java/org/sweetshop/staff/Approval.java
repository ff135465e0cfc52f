package org.sweetshop.staff;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Objects;
import org.sweetshop.common.NotPermittedException;

/**
 * A manager's or owner's approval of one kind of action, asked for by the member of staff at the
 * till. Only {@link StaffService#approve} makes one, after checking the approver's PIN and role,
 * so a service handed an approval knows it was checked (the constructor is this package's).
 * The service that does the approved action checks its kind ({@link #require}) and writes it to
 * the audit log ({@link AuditAction#APPROVAL}) with the action.
 */
public final class Approval {

    private final Approvable action;
    private final Caller requester;
    private final Caller approver;
    private final Instant at;

    Approval(Approvable action, Caller requester, Caller approver, Instant at) {
        this.action = Objects.requireNonNull(action, "action");
        this.requester = Objects.requireNonNull(requester, "requester");
        this.approver = Objects.requireNonNull(approver, "approver");
        this.at = Objects.requireNonNull(at, "at");
    }

    public Approvable action() {
        return action;
    }

    /** Who asked: the member of staff at the till. */
    public Caller requester() {
        return requester;
    }

    /** Who approved: a manager or an owner, whose PIN was checked. */
    public Caller approver() {
        return approver;
    }

    public Instant at() {
        return at;
    }

    /** Refuses an approval given for something else (an approval of a no sale does not refund). */
    public static Approval require(Approval approval, Approvable expected) {
        if (approval == null) {
            throw new NotPermittedException("not permitted: " + expected.what() + " needs a manager's approval");
        }
        if (approval.action != expected) {
            throw new NotPermittedException("not permitted: the approval was given for " + approval.action.what() + ", not for "
                    + expected.what());
        }
        return approval;
    }

    /**
     * Writes the approval to the audit log in the caller's transaction: by the approver, the
     * action as subject, who asked as the old value and {@code detail} (the reason, the receipt)
     * as the new one, at {@code till}.
     */
    void record(EntityManager em, String detail, String till, Instant now) {
        AuditLog.record(em, approver.staffId(), AuditAction.APPROVAL, action.label(), requester.username(), detail, till, now);
    }
}
