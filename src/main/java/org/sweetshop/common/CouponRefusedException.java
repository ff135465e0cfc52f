package org.sweetshop.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** A coupon that cannot be used: unknown, expired, already redeemed (when, at which till) or void. */
public final class CouponRefusedException extends Refusal {

    public enum Reason { UNKNOWN, EXPIRED, ALREADY_REDEEMED, VOID }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Reason reason;
    private final Instant redeemedAt;
    private final String redeemedTill;
    private final LocalDate expiredOn;

    private CouponRefusedException(Reason reason, String message, Instant redeemedAt, String redeemedTill, LocalDate expiredOn) {
        super(message);
        this.reason = reason;
        this.redeemedAt = redeemedAt;
        this.redeemedTill = redeemedTill;
        this.expiredOn = expiredOn;
    }

    public static CouponRefusedException unknown() {
        return new CouponRefusedException(Reason.UNKNOWN, "coupon unknown: this code was never issued by this shop", null, null, null);
    }

    public static CouponRefusedException expired(LocalDate on) {
        return new CouponRefusedException(Reason.EXPIRED, "coupon expired on " + on, null, null, on);
    }

    public static CouponRefusedException voided() {
        return new CouponRefusedException(Reason.VOID, "coupon void: it was cancelled by a manager", null, null, null);
    }

    public static CouponRefusedException alreadyRedeemed(Instant at, String till) {
        return new CouponRefusedException(Reason.ALREADY_REDEEMED,
                "coupon already redeemed at " + till + " on " + WHEN.format(at.atZone(ZoneId.systemDefault())), at, till, null);
    }

    public Reason reason() {
        return reason;
    }

    public Instant redeemedAt() {
        return redeemedAt;
    }

    public String redeemedTill() {
        return redeemedTill;
    }

    @Override
    public String code() {
        return "COUPON_" + reason.name();
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new HashMap<>();
        details.put("reason", reason.name());
        if (redeemedAt != null) {
            details.put("redeemedAt", redeemedAt.toString());
            details.put("redeemedTill", redeemedTill);
        }
        if (expiredOn != null) {
            details.put("expiredOn", expiredOn.toString());
        }
        return details;
    }
}
