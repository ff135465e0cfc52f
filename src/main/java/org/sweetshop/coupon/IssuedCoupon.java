package org.sweetshop.coupon;

import java.time.LocalDate;
import org.sweetshop.common.Discount;

/** A coupon just issued: the only moment its token exists outside the printed QR code. */
public record IssuedCoupon(String token, String hint, Discount discount, LocalDate expiresOn) {
}
