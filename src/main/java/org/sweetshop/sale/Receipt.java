package org.sweetshop.sale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sale as printed on its receipt.
 *
 * @param couponHint last characters of the coupon redeemed, or null
 * @param replayed   true when this sale had already been made under the same UUID and is only
 *                   being shown again
 */
public record Receipt(UUID saleId, String receiptNo, String till, String cashier, Instant createdAt,
                      List<ReceiptLine> lines, BigDecimal subtotal, BigDecimal couponDiscount,
                      BigDecimal promoDiscount, BigDecimal total, PaymentMethod payment, BigDecimal tendered,
                      BigDecimal change, String couponHint, String promoCode, boolean replayed) {

    public BigDecimal discount() {
        return couponDiscount.add(promoDiscount);
    }

    public Receipt asReplay() {
        return new Receipt(saleId, receiptNo, till, cashier, createdAt, lines, subtotal, couponDiscount, promoDiscount,
                total, payment, tendered, change, couponHint, promoCode, true);
    }
}
