package org.sweetshop.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** A shift that cannot be opened (one is open at the till already) or closed (none is open). */
public final class ShiftRefusedException extends Refusal {

    public enum Reason { ALREADY_OPEN, NOT_OPEN }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Reason reason;
    private final String till;
    private final String openedBy;
    private final Instant openedAt;

    private ShiftRefusedException(Reason reason, String message, String till, String openedBy, Instant openedAt) {
        super(message);
        this.reason = reason;
        this.till = till;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    /** The till has an open shift: who opened it and when, so the cashier knows whom to ask. */
    public static ShiftRefusedException alreadyOpen(String till, String openedBy, Instant openedAt, ZoneId zone) {
        return new ShiftRefusedException(Reason.ALREADY_OPEN, "shift already open at till " + till + ": opened by " + openedBy
                + " on " + WHEN.format(openedAt.atZone(zone)) + "; close it first", till, openedBy, openedAt);
    }

    public static ShiftRefusedException notOpen(String till) {
        return new ShiftRefusedException(Reason.NOT_OPEN, "no open shift at till " + till + ": open one first", till, null, null);
    }

    public Reason reason() {
        return reason;
    }

    public String till() {
        return till;
    }

    /** Who opened the shift that is in the way; null when no shift is open. */
    public String openedBy() {
        return openedBy;
    }

    public Instant openedAt() {
        return openedAt;
    }

    @Override
    public String code() {
        return reason == Reason.ALREADY_OPEN ? "SHIFT_ALREADY_OPEN" : "NO_OPEN_SHIFT";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new HashMap<>();
        details.put("till", till);
        if (openedBy != null) {
            details.put("openedBy", openedBy);
            details.put("openedAt", openedAt.toString());
        }
        return details;
    }
}
