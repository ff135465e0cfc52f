package org.sweetshop.common;

import java.util.Locale;
import java.util.Map;

/**
 * The scale gave no weight that may be sold: it is still moving, overloaded, shows zero or less,
 * weighs in a unit the till does not take, did not take a tare, cannot be opened, stopped
 * answering (cable pulled, device gone, silent past the timeout) or sent what cannot be read.
 * Nothing was weighed into the basket; the cashier can try again.
 */
public final class ScaleRefusedException extends Refusal {

    /** Why the scale gave no weight; {@link #code()} is {@code SCALE_} and its name. */
    public enum Reason {
        MOTION, OVERLOAD, NEGATIVE, ZERO, NOT_ZEROED, UNITS, TARE_NOT_TAKEN, NOT_ANSWERING, UNREADABLE, CANNOT_OPEN
    }

    private final Reason reason;

    public ScaleRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return "SCALE_" + reason.name().toUpperCase(Locale.ROOT);
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("reason", reason.name().toLowerCase(Locale.ROOT));
    }
}
