package org.sweetshop.sale;

import jakarta.persistence.EntityManager;
import org.sweetshop.common.LockOrder;
import org.sweetshop.db.Transactor;

/**
 * The till's receipt counter ({@code till_counter}: the last receipt number handed out per till),
 * the one place that numbers receipts and the one place that locks the counter row. Its lock is
 * {@link LockOrder#RECEIPT_COUNTER}: the last a checkout takes, and the first a shift takes.
 *
 * <ul>
 *   <li>Checkout takes the next number with {@link #NEXT_NUMBER}: an atomic {@code insert ... on
 *       conflict (till) do update set last_number = last_number + 1 returning last_number}, which
 *       makes the row at 1 on a till's first sale, holds the row's lock to the commit (numbers are
 *       gapless: a rolled-back sale gives its number back) and is the first statement of
 *       {@code SaleWriter}'s batch, so it costs no round trip of its own.
 *   <li>A shift opening or closing takes the same row's lock with {@link #lockAndRead}, which also
 *       makes the row at 0 for a till that has sold nothing, and records the number: the shift's
 *       sales are the till's receipts numbered after its opening's number, up to its closing's.
 * </ul>
 */
public final class ReceiptCounter {

    /**
     * Increments the till's counter (one parameter: the till) and returns the new number as
     * {@code last_number}: a statement for a {@code with} clause of the sale's insert.
     */
    static final String NEXT_NUMBER = "insert into till_counter (till, last_number) values (?, 1)"
            + " on conflict (till) do update set last_number = till_counter.last_number + 1 returning last_number";

    /** Takes the counter row's lock without changing it (made at 0 for a till that has sold nothing). */
    private static final String LOCK_AND_READ = "insert into till_counter (till, last_number) values (:till, 0)"
            + " on conflict (till) do update set last_number = till_counter.last_number returning last_number";

    private ReceiptCounter() {
    }

    /**
     * Locks the till's counter row ({@link LockOrder#RECEIPT_COUNTER}) until the transaction ends
     * and returns the last receipt number handed out (0 if none). A wait past the lock timeout is
     * "busy: a sale on till T1 is still being completed".
     */
    public static long lockAndRead(EntityManager em, String till) {
        return Transactor.lock(LockOrder.RECEIPT_COUNTER,
                () -> ((Number) em.createNativeQuery(LOCK_AND_READ).setParameter("till", till).getSingleResult()).longValue(),
                () -> "a sale on till " + till + " is still being completed");
    }

    /**
     * Runs checkout's write, whose first statement is {@link #NEXT_NUMBER}, as the
     * {@link LockOrder#RECEIPT_COUNTER} step: after the sweets, the coupon and the promo code.
     */
    static <T> T next(String till, java.util.function.Supplier<T> write) {
        return Transactor.lock(LockOrder.RECEIPT_COUNTER, write,
                () -> "another checkout on till " + till + " is still running");
    }
}
