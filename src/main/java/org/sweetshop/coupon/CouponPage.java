package org.sweetshop.coupon;

import java.util.List;

/**
 * A page of the coupon list, newest first.
 *
 * @param total  how many coupons match the filter in all, so a screen can say "1–50 of 1 000"
 * @param offset how many matching coupons come before this page
 */
public record CouponPage(List<CouponListing> coupons, long total, int offset, int limit) {

    public CouponPage {
        coupons = List.copyOf(coupons);
    }

    /** True when more matching coupons follow this page. */
    public boolean hasMore() {
        return offset + (long) coupons.size() < total;
    }
}
