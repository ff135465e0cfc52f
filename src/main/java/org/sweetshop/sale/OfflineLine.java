package org.sweetshop.sale;

import java.math.BigDecimal;
import org.sweetshop.common.SoldBy;

/**
 * A line of an offline sale, as the till priced it from its catalogue snapshot: the sweet's id and
 * SKU then, its name, how many (pieces, or grams of a weighed sweet) and the unit price the customer
 * paid (per piece, or per kilogram), and how the sweet is sold.
 */
public record OfflineLine(long sweetId, String sku, String name, int quantity, BigDecimal unitPrice, SoldBy soldBy) {

    public OfflineLine {
        soldBy = soldBy == null ? SoldBy.COUNTED : soldBy;
    }

    /** A counted line. */
    public OfflineLine(long sweetId, String sku, String name, int quantity, BigDecimal unitPrice) {
        this(sweetId, sku, name, quantity, unitPrice, SoldBy.COUNTED);
    }
}
