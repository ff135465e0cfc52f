package org.sweetshop.common;

import java.util.Map;

/** A promo code that cannot be used now: unknown, switched off, not yet or no longer valid, or used up. */
public final class PromoRefusedException extends Refusal {

    public enum Reason { UNKNOWN, INACTIVE, NOT_YET_VALID, EXPIRED, EXHAUSTED }

    private final Reason reason;
    private final String promoCode;

    public PromoRefusedException(Reason reason, String promoCode, String message) {
        super(message);
        this.reason = reason;
        this.promoCode = promoCode;
    }

    /** The promo has no uses left (also what a lost race against its maximum turns into). */
    public static PromoRefusedException exhausted(String code) {
        return new PromoRefusedException(Reason.EXHAUSTED, code, "promo " + code + " is used up");
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return "PROMO_" + reason.name();
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("reason", reason.name(), "promo", promoCode);
    }
}
