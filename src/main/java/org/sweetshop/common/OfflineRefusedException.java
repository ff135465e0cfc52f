package org.sweetshop.common;

import java.util.Map;

/**
 * Refused because the till is selling offline (the store database cannot be reached): coupons and
 * promo codes are single-use or limited, and only the store database can tell whether this one is
 * still unused, so neither is taken offline. The basket without it can be sold.
 */
public final class OfflineRefusedException extends Refusal {

    private final String what;

    private OfflineRefusedException(String what, String message) {
        super(message);
        this.what = what;
    }

    public static OfflineRefusedException coupon() {
        return new OfflineRefusedException("coupon", "coupons cannot be taken offline: the store database is unreachable,"
                + " so whether this coupon is still unused cannot be checked; sell without it or wait until the till is back online");
    }

    public static OfflineRefusedException promo() {
        return new OfflineRefusedException("promo", "promo codes cannot be taken offline: the store database is unreachable,"
                + " so the code's uses cannot be checked; sell without it or wait until the till is back online");
    }

    /** "coupon" or "promo". */
    public String what() {
        return what;
    }

    @Override
    public String code() {
        return "OFFLINE_" + what.toUpperCase(java.util.Locale.ROOT) + "_REFUSED";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("offline", true, "refused", what);
    }
}
