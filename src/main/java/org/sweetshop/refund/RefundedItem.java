package org.sweetshop.refund;

import java.math.BigDecimal;
import org.sweetshop.common.SoldBy;

/** One line of a refund: the units (pieces, or grams of a weighed line) given back of a sale line and the money returned for them. */
public record RefundedItem(String sku, String name, int quantity, BigDecimal amount, SoldBy soldBy) {

    /** A counted line's refund. */
    public RefundedItem(String sku, String name, int quantity, BigDecimal amount) {
        this(sku, name, quantity, amount, SoldBy.COUNTED);
    }
}
