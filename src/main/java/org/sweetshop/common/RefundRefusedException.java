package org.sweetshop.common;

import java.util.LinkedHashMap;
import java.util.Map;

/** A refund that cannot be made: the receipt (or the item) was already refunded, or the item was not sold on it. */
public final class RefundRefusedException extends Refusal {

    public enum Reason { ALREADY_REFUNDED, NOT_IN_SALE, MORE_THAN_SOLD }

    private final Reason reason;
    private final String receiptNo;
    private final String sku;
    private final Integer left;

    private RefundRefusedException(Reason reason, String message, String receiptNo, String sku, Integer left) {
        super(message);
        this.reason = reason;
        this.receiptNo = receiptNo;
        this.sku = sku;
        this.left = left;
    }

    /** A whole-receipt refund of a receipt something of which was refunded already. */
    public static RefundRefusedException alreadyRefunded(String receiptNo) {
        return new RefundRefusedException(Reason.ALREADY_REFUNDED, "already refunded: receipt " + receiptNo
                + " has been refunded before; refund what is left item by item", receiptNo, null, null);
    }

    /** An item whose units were all refunded already. */
    public static RefundRefusedException itemAlreadyRefunded(String receiptNo, String sku) {
        return new RefundRefusedException(Reason.ALREADY_REFUNDED, "already refunded: every " + sku + " on receipt "
                + receiptNo + " has been refunded", receiptNo, sku, 0);
    }

    public static RefundRefusedException notInSale(String receiptNo, String sku) {
        return new RefundRefusedException(Reason.NOT_IN_SALE, "not on this receipt: " + sku + " was not sold on receipt "
                + receiptNo, receiptNo, sku, null);
    }

    public static RefundRefusedException moreThanSold(String receiptNo, String sku, int asked, int left) {
        return new RefundRefusedException(Reason.MORE_THAN_SOLD, "too many: only " + left + " of " + sku + " on receipt "
                + receiptNo + " can still be refunded, not " + asked, receiptNo, sku, left);
    }

    /** As {@link #moreThanSold(String, String, int, int)}, the quantities in the line's unit ({@code 153 g}). */
    public static RefundRefusedException moreThanSold(String receiptNo, String sku, int asked, int left, SoldBy soldBy) {
        if (!soldBy.weighed()) {
            return moreThanSold(receiptNo, sku, asked, left);
        }
        return new RefundRefusedException(Reason.MORE_THAN_SOLD, "too much: only " + Quantity.format(left, soldBy) + " of " + sku
                + " on receipt " + receiptNo + " can still be refunded, not " + Quantity.format(asked, soldBy), receiptNo, sku, left);
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return reason.name();
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("receipt", receiptNo);
        if (sku != null) {
            details.put("sku", sku);
        }
        if (left != null) {
            details.put("left", left);
        }
        return details;
    }
}
