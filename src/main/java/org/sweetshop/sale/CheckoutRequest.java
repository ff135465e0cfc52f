package org.sweetshop.sale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A basket sent to checkout. The till makes {@code saleId} when the basket starts and sends the
 * same one again after a failure: checkout is idempotent on it.
 *
 * @param couponToken optional coupon token (null for none)
 * @param promoCode   optional promo code (null for none)
 * @param payments    how it is paid, one or more parts ({@link Tender}); null: a card for the whole
 */
public record CheckoutRequest(UUID saleId, String till, List<BasketLine> lines, String couponToken, String promoCode,
                              List<Payment> payments) {

    public CheckoutRequest {
        // a copy the caller cannot change; a missing part stays for checkout to refuse
        payments = payments == null ? null : Collections.unmodifiableList(new ArrayList<>(payments));
    }

    /** The payments, or a card for the whole when none are given (the default of every caller). */
    public List<Payment> paidWith() {
        return payments == null || payments.isEmpty() ? List.of(Payment.card()) : payments;
    }

    /** A basket paid one way. */
    public CheckoutRequest(UUID saleId, String till, List<BasketLine> lines, String couponToken, String promoCode, Payment payment) {
        this(saleId, till, lines, couponToken, promoCode, payment == null ? null : List.of(payment));
    }
}
