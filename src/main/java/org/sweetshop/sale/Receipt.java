package org.sweetshop.sale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sweetshop.common.Money;
import org.sweetshop.common.TaxLine;

/**
 * A sale as printed on its receipt.
 *
 * @param tender     the payments, the cash rounding and the change
 * @param couponHint last characters of the coupon redeemed, or null
 * @param replayed   true when this sale had already been made under the same UUID and is only
 *                   being shown again
 * @param taxes      the tax per rate, by code; their gross add up to {@code total} (empty for a sale
 *                   made offline and not sent yet: its tax is worked out when it is)
 * @param taxAdded   the tax added at the total when prices exclude tax, else 0.00
 */
public record Receipt(UUID saleId, String receiptNo, String till, String cashier, Instant createdAt,
                      List<ReceiptLine> lines, BigDecimal subtotal, BigDecimal couponDiscount,
                      BigDecimal promoDiscount, BigDecimal total, Tender tender, String couponHint, String promoCode,
                      boolean replayed, List<TaxLine> taxes, BigDecimal taxAdded) {

    public Receipt {
        taxes = taxes == null ? List.of() : List.copyOf(taxes);
        taxAdded = taxAdded == null ? Money.ZERO : taxAdded;
    }

    /** A receipt without tax lines (a sale made offline, not sent yet). */
    public Receipt(UUID saleId, String receiptNo, String till, String cashier, Instant createdAt,
                   List<ReceiptLine> lines, BigDecimal subtotal, BigDecimal couponDiscount,
                   BigDecimal promoDiscount, BigDecimal total, Tender tender, String couponHint, String promoCode,
                   boolean replayed) {
        this(saleId, receiptNo, till, cashier, createdAt, lines, subtotal, couponDiscount, promoDiscount, total, tender,
                couponHint, promoCode, replayed, List.of(), Money.ZERO);
    }

    public BigDecimal discount() {
        return couponDiscount.add(promoDiscount);
    }

    public Receipt asReplay() {
        return new Receipt(saleId, receiptNo, till, cashier, createdAt, lines, subtotal, couponDiscount, promoDiscount,
                total, tender, couponHint, promoCode, true, taxes, taxAdded);
    }

    /** The one method of a sale paid one way; null for a split sale. */
    public PaymentMethod payment() {
        return tender.method();
    }

    /** The cash handed over; null without cash. */
    public BigDecimal tendered() {
        return tender.cashTendered();
    }

    /** The change given; null without cash. */
    public BigDecimal change() {
        return tender.cashTendered() == null ? null : tender.change();
    }

    /** The payments in the order taken. */
    public List<PaymentPart> payments() {
        return tender.parts();
    }

    /** What the cash rounding added to the total (negative when it took off; 0.00 without). */
    public BigDecimal cashRounding() {
        return tender.cashRounding();
    }

    /** What the customer paid: the total plus the cash rounding. */
    public BigDecimal paid() {
        return total.add(tender.cashRounding());
    }
}
