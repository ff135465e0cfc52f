package org.sweetshop.refund;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A refund as a person reads it.
 *
 * @param whole true when the whole receipt was refunded in one go
 * @param amount the money given back: the sum of the items' amounts
 */
public record RefundView(long id, String receiptNo, String till, String manager, Instant createdAt, boolean whole,
                         List<RefundedItem> items, BigDecimal amount, String reason) {
}
