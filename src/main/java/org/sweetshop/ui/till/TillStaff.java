package org.sweetshop.ui.till;

import java.util.List;
import java.util.Optional;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.refund.RefundView;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Approvable;
import org.sweetshop.staff.Approval;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.PinHolder;

/**
 * What the till's lock screen, its manager approvals, its no sale and its returns call: PINs
 * (staff), the drawer's audit (staff), receipts (sale) and refunds (refund). Every call is slow
 * (a database, a PIN's hash): the callers run them as background tasks.
 */
public interface TillStaff {

    /** The active staff with a PIN, by name. */
    List<PinHolder> pinHolders(Caller who);

    /** The person who typed this PIN, the till's cashier from now on; a wrong PIN is counted. */
    Caller unlock(String username, String pin);

    /** A manager's or owner's approval of {@code action}, asked for by {@code who}. */
    Approval approve(Caller who, Approvable action, String approver, String pin);

    /** A no sale by a manager or owner at the till, with the drawer's pulse ({@code pulse} throws when it did not get through). */
    void noSale(Caller manager, String till, String reason, Runnable pulse);

    /** A no sale approved by a manager's PIN. */
    void noSale(Approval approval, String till, String reason, Runnable pulse);

    /** The receipt with this number, if there is one. */
    Optional<Receipt> receipt(String receiptNo);

    /** The refunds made on a receipt so far, oldest first. */
    List<RefundView> refundsOf(String receiptNo);

    /** A refund by a manager or owner (the approver of a cashier's return). */
    RefundView refund(Caller manager, String receiptNo, List<RefundLine> items, String till, String reason);

    /** Writes an approval to the audit log once the action it approved is done. */
    void recordApproval(Approval approval, String detail, String till);
}
