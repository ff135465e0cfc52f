package org.sweetshop.coupon;

/**
 * Where a coupon stands as the back office lists it: the stored {@link CouponStatus} with
 * "expired" told apart, which follows from the date. ISSUED means still usable today (the till's
 * preview calls it "valid"); EXPIRED means issued, never redeemed, and past its last day.
 */
public enum CouponState { ISSUED, REDEEMED, EXPIRED, VOID }
