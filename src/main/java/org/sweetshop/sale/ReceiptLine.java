package org.sweetshop.sale;

import org.sweetshop.common.SoldBy;

import java.math.BigDecimal;

/** A receipt's line. A weighed line's quantity is grams and its unit price per kilogram. */
public record ReceiptLine(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal, SoldBy soldBy) {

    /** A counted line. */
    public ReceiptLine(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
        this(sku, name, quantity, unitPrice, lineTotal, SoldBy.COUNTED);
    }
}
