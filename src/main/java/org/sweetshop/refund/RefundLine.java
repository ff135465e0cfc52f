package org.sweetshop.refund;

/** An item to refund: so many units of the SKU as it was sold on the receipt. */
public record RefundLine(String sku, int quantity) {
}
