package org.sweetshop.sale;

import java.util.List;
import java.util.UUID;

/**
 * A basket sent to checkout. The till makes {@code saleId} when the basket starts and sends the
 * same one again after a failure: checkout is idempotent on it.
 *
 * @param couponToken optional coupon token (null for none)
 * @param promoCode   optional promo code (null for none)
 */
public record CheckoutRequest(UUID saleId, String till, List<BasketLine> lines, String couponToken, String promoCode,
                              Payment payment) {
}
