package org.sweetshop.refund;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.sweetshop.common.TaxLine;

/**
 * A refund as a person reads it.
 *
 * @param whole true when the whole receipt was refunded in one go
 * @param amount the money given back: the sum of the items' amounts
 * @param taxes  the tax it reverses per rate, by code; their gross add up to {@code amount}
 */
public record RefundView(long id, String receiptNo, String till, String manager, Instant createdAt, boolean whole,
                         List<RefundedItem> items, BigDecimal amount, String reason, List<TaxLine> taxes) {

    public RefundView {
        taxes = taxes == null ? List.of() : List.copyOf(taxes);
    }

    /** A refund whose tax lines are not shown. */
    public RefundView(long id, String receiptNo, String till, String manager, Instant createdAt, boolean whole,
                      List<RefundedItem> items, BigDecimal amount, String reason) {
        this(id, receiptNo, till, manager, createdAt, whole, items, amount, reason, List.of());
    }
}
