package org.sweetshop.coupon;

/** Where a coupon stands; "expired" is not stored, it follows from the date. */
enum CouponStatus { ISSUED, REDEEMED, VOID }
