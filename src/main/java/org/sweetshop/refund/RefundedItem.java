package org.sweetshop.refund;

import java.math.BigDecimal;

/** One line of a refund: the units given back of a sale line and the money returned for them. */
public record RefundedItem(String sku, String name, int quantity, BigDecimal amount) {
}
