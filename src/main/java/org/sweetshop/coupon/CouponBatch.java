package org.sweetshop.coupon;

import java.util.List;

/**
 * What {@link CouponService#issueBatch} issued: every coupon of the batch, or, when a later chunk
 * was refused or failed, the coupons of the chunks before it (they exist and must still reach
 * paper) and what stopped the rest.
 *
 * @param issued    the coupons issued, in order; their tokens exist nowhere else
 * @param requested how many the batch asked for
 * @param stoppedBy why the batch stopped short of {@code requested}; null when it is complete
 */
public record CouponBatch(List<IssuedCoupon> issued, int requested, RuntimeException stoppedBy) {

    public CouponBatch {
        issued = List.copyOf(issued);
    }

    /** True when every coupon asked for was issued. */
    public boolean complete() {
        return stoppedBy == null;
    }
}
