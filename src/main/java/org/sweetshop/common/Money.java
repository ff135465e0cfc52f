package org.sweetshop.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The money rules, in one place: amounts are {@link BigDecimal} with two decimals in the store's
 * one currency; input with more decimals is refused, never rounded; rounding happens once, on a
 * sale's total, half-even.
 */
public final class Money {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    /** Largest amount accepted as a price, a discount or cash tendered. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000.00");
    /** Largest sale: far above any sweet shop's basket, far below what the books' columns hold. */
    public static final BigDecimal MAX_SALE = new BigDecimal("1000000.00");

    private Money() {
    }

    /** Parses a typed amount such as {@code 1.20}; refuses three decimals, signs, exponents and junk. */
    public static BigDecimal parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, field + " is missing");
        }
        String trimmed = text.strip();
        if (trimmed.length() > 12 || !trimmed.matches("\\d{1,9}(\\.\\d{1,9})?")) {
            throw new InvalidInputException(field, field + " must be an amount such as 1.20, not '" + Texts.shorten(trimmed) + "'");
        }
        return check(field, new BigDecimal(trimmed));
    }

    /** Checks an amount given as a number: not negative, at most two decimals, not absurdly large. */
    public static BigDecimal check(String field, BigDecimal amount) {
        if (amount == null) {
            throw new InvalidInputException(field, field + " is missing");
        }
        if (amount.signum() < 0) {
            throw new InvalidInputException(field, field + " cannot be negative");
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > SCALE) {
            throw new InvalidInputException(field, field + " has more than two decimals: " + amount.toPlainString());
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidInputException(field, field + " is larger than " + MAX_AMOUNT.toPlainString());
        }
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** The one rounding of the codebase: a total, half-even, to two decimals. */
    public static BigDecimal roundTotal(BigDecimal exact) {
        return exact.setScale(SCALE, ROUNDING);
    }

    /**
     * The one rule for a weighed line: grams times the price per kilogram, divided by 1000, rounded
     * once for the line, half-up to two decimals, as label scales print it (and as PostgreSQL's
     * {@code round(numeric, 2)} checks it in {@code sale_line_total_ck}). 253 g at 14.99/kg is
     * 3.79247 → 3.79; 250 g at 15.00/kg is 3.75 exactly; 5 g at 0.90/kg is 0.0045 → 0.00 — the
     * till refuses a weighed line that comes to nothing.
     */
    public static BigDecimal weighedLine(BigDecimal pricePerKg, int grams) {
        return pricePerKg.multiply(BigDecimal.valueOf(grams)).movePointLeft(3).setScale(SCALE, RoundingMode.HALF_UP);
    }

    public static String format(BigDecimal amount) {
        return amount.setScale(SCALE, ROUNDING).toPlainString();
    }
}
