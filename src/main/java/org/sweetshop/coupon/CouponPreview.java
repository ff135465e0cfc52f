package org.sweetshop.coupon;

import java.time.Instant;
import java.time.LocalDate;
import org.sweetshop.common.Discount;

/**
 * A read-only look at a coupon, for the till before it is attached and for {@code coupon show}.
 *
 * @param state   valid, expired, redeemed or void
 * @param usable  true when a checkout today would accept it
 * @param message for the cashier: "10% off, valid until 2026-12-31" or why it cannot be used
 */
public record CouponPreview(String hint, Discount discount, LocalDate expiresOn, String state, boolean usable,
                            Instant redeemedAt, String redeemedTill, String message) {
}
