package org.sweetshop.refund;

/**
 * An item to refund: so much of the SKU as it was sold on the receipt, in the line's unit (pieces,
 * or grams of a weighed sweet).
 *
 * @param quantity pieces or grams; unused when {@code typed} is given
 * @param typed    the quantity as a person typed it ({@code 2}, {@code 100g}, {@code 0.1kg}), or null:
 *                 read by {@link org.sweetshop.common.Quantity#parse} against the sale line's kind, so a
 *                 bare number for a weighed line is refused and so is a weight for a counted one
 */
public record RefundLine(String sku, int quantity, String typed) {

    /** {@code quantity} pieces of a counted line, or grams of a weighed one. */
    public RefundLine(String sku, int quantity) {
        this(sku, quantity, null);
    }

    /** A quantity as typed at the command line or in the back office, read against the line's kind. */
    public static RefundLine typed(String sku, String quantity) {
        return new RefundLine(sku, 0, quantity == null ? "" : quantity);
    }
}
