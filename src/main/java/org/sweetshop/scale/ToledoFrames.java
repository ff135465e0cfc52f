package org.sweetshop.scale;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sweetshop.common.ScaleRefusedException;
import org.sweetshop.common.ScaleRefusedException.Reason;

/**
 * The scale's side of the Toledo 8217 exchange, taken apart: the text between STX and CR of an
 * answer (see {@link ToledoScale} for the framing and its source). Pure, so it is tested without a port.
 */
final class ToledoFrames {

    // status byte bits (bit 7 is the even-parity bit; bit 6 is always 1)
    static final int MOTION = 1;
    static final int OVER_CAPACITY = 1 << 1;
    static final int UNDER_ZERO = 1 << 2;
    static final int OUTSIDE_ZERO_CAPTURE = 1 << 3;
    static final int CENTER_OF_ZERO = 1 << 4;
    static final int NET = 1 << 5;

    /**
     * "00.250" (kg: 3 decimals), "00.250N" (net), "0.250KG" / "250G" (scales that send a unit);
     * the 8217 pound forms "WW.WW" / "0WW.WW" have 2 decimals.
     */
    private static final Pattern WEIGHT = Pattern.compile(
            "([+-])?\\s*(\\d+(?:\\.(\\d+))?|\\.(\\d+))\\s*(N)?\\s*(KG|G|LB|OZ)?\\s*(N)?", Pattern.CASE_INSENSITIVE);

    private ToledoFrames() {
    }

    /**
     * The grams of an answer to {@code W}: a weight, or {@code ?} and a status byte when the scale
     * is moving, overloaded, under zero or not zeroed.
     *
     * @throws ScaleRefusedException with reason {@link Reason#UNREADABLE} for what is neither
     */
    static int weight(String body) {
        if (body.startsWith("?")) {
            throw refusalOf(status(body));
        }
        Matcher m = WEIGHT.matcher(body.strip());
        if (!m.matches() || m.group(5) != null && m.group(7) != null) {
            throw ScaleRefusals.unreadable();
        }
        String unit = m.group(6) == null ? null : m.group(6).toUpperCase(Locale.ROOT);
        String decimals = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : "";
        int grams;
        if ("G".equals(unit)) {
            grams = Grams.fromG(m.group(2));
        } else if ("LB".equals(unit) || unit == null && decimals.length() == 2) {
            throw ScaleRefusals.units("pounds");
        } else if ("OZ".equals(unit)) {
            throw ScaleRefusals.units("ounces");
        } else if ("KG".equals(unit) || decimals.length() == 3) {
            grams = Grams.fromKg(m.group(2));
        } else {
            throw ScaleRefusals.unreadable();
        }
        if ("-".equals(m.group(1)) && grams != 0) {
            throw ScaleRefusals.negative();
        }
        if (grams == 0) {
            throw ScaleRefusals.zero();
        }
        return grams;
    }

    /** The status byte of a {@code ?} answer, without its parity bit. */
    static int status(String body) {
        if (body.length() != 2 || body.charAt(0) != '?') {
            throw ScaleRefusals.unreadable();
        }
        return body.charAt(1) & 0x7F;
    }

    /** Why a status byte came instead of a weight, the most serious first. */
    static ScaleRefusedException refusalOf(int status) {
        if ((status & OVER_CAPACITY) != 0) {
            return ScaleRefusals.overload();
        }
        if ((status & UNDER_ZERO) != 0) {
            return ScaleRefusals.negative();
        }
        if ((status & MOTION) != 0) {
            return ScaleRefusals.motion();
        }
        if ((status & OUTSIDE_ZERO_CAPTURE) != 0) {
            return ScaleRefusals.notZeroed();
        }
        if ((status & CENTER_OF_ZERO) != 0) {
            return ScaleRefusals.zero();
        }
        return ScaleRefusals.unreadable();
    }

    /**
     * The answer to {@code T}: the status byte after the scale tried to tare. Taken when it says net.
     *
     * @throws ScaleRefusedException saying why the tare was not taken
     */
    static void tareTaken(String body) {
        int status = status(body);
        if ((status & NET) != 0 && (status & (MOTION | OVER_CAPACITY | UNDER_ZERO)) == 0) {
            return;
        }
        if ((status & OVER_CAPACITY) != 0) {
            throw ScaleRefusals.overload();
        }
        if ((status & MOTION) != 0) {
            throw ScaleRefusals.tareNotTaken("it is still moving: wait until it is steady and tare again");
        }
        if ((status & UNDER_ZERO) != 0) {
            throw ScaleRefusals.negative();
        }
        if ((status & CENTER_OF_ZERO) != 0) {
            throw ScaleRefusals.tareNotTaken("there is nothing on it: put the empty container on the scale and tare again");
        }
        throw ScaleRefusals.tareNotTaken("check that taring is enabled in the scale's set-up");
    }
}
