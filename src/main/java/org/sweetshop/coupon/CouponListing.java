package org.sweetshop.coupon;

import java.time.Instant;
import java.time.LocalDate;
import org.sweetshop.common.Discount;

/**
 * One coupon in the back office's list. The token is not here: it exists only hashed; the hint
 * (its last four characters, "…ABCD" on the label and the receipt) tells coupons apart for people.
 *
 * @param redeemedAt   when it was redeemed, or null
 * @param redeemedTill at which till, or null
 * @param voidedAt     when a manager voided it, or null
 */
public record CouponListing(long id, String hint, Discount discount, LocalDate expiresOn, CouponState state, Instant issuedAt,
                            Instant redeemedAt, String redeemedTill, Instant voidedAt) {
}
