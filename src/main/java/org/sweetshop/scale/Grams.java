package org.sweetshop.scale;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Scale readings to whole grams: the one rounding rule of the scale (half-even). */
final class Grams {

    /** 1 000 kg: no shop scale weighs more; a longer number is a garbled answer. */
    static final int MAX = 1_000_000;

    private Grams() {
    }

    /** "0.2505" kg → 250 (half-even), "00.250" → 250. */
    static int fromKg(String digits) {
        return round(new BigDecimal(digits).movePointRight(3));
    }

    /** "250.5" g → 250 (half-even). */
    static int fromG(String digits) {
        return round(new BigDecimal(digits));
    }

    private static int round(BigDecimal grams) {
        BigDecimal whole = grams.setScale(0, RoundingMode.HALF_EVEN);
        if (whole.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            throw ScaleRefusals.unreadable();
        }
        return whole.intValueExact();
    }
}
