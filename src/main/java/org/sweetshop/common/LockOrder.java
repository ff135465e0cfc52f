package org.sweetshop.common;

/**
 * The one global lock order (DESIGN.md, the concurrency contract, rule 2), written once: a
 * transaction takes row locks only in the order of these steps, so two tills can never wait for
 * each other in a cycle.
 *
 * <ol>
 *   <li>{@link #STORE} the store's single row (creating the store's first account, changing a
 *       store setting); taken alone;
 *   <li>{@link #STAFF} a staff account being logged in to or changed; taken alone;
 *   <li>{@link #SALE} the sale being refunded: a refund's first lock (checkout only inserts new
 *       sales, so nothing else locks an existing sale row);
 *   <li>{@link #SWEETS} sweets, by ascending id, in one statement ({@code catalog.Sweets});
 *   <li>{@link #COUPON} the coupon being redeemed or voided;
 *   <li>{@link #PROMO} the promo code being used or edited;
 *   <li>{@link #RECEIPT_COUNTER} the till's receipt counter ({@code sale.ReceiptCounter}):
 *       checkout's last lock, held to its commit, and a shift's first;
 *   <li>{@link #SHIFT} the till's open shift, after its counter.
 * </ol>
 *
 * So a sale is sweets, coupon, promo, counter; a refund is the sale row, then its sweets by id; a
 * shift operation is the counter, then the shift row; a delivery, a restock or a stocktake is
 * sweets only. Every locking call names its step ({@code db.Transactor.lock}), which refuses,
 * as a programming error, a step taken after a later one in the same transaction.
 */
public enum LockOrder {
    STORE,
    STAFF,
    SALE,
    SWEETS,
    COUPON,
    PROMO,
    RECEIPT_COUNTER,
    SHIFT;

    /**
     * True when this step may be taken after {@code last} (null: nothing locked yet) in one
     * transaction: later in the order, or the same step again (a second lock of the same kind
     * keeps its own order, e.g. one more sweet by a higher id).
     */
    public boolean mayFollow(LockOrder last) {
        return last == null || last.ordinal() <= ordinal();
    }
}
