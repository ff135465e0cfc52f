package org.sweetshop.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    /**
     * {@code total} shared over {@code weights} in proportion, in whole cents, by largest remainder:
     * each share is its exact part rounded down to the cent, and the cents left over go one each to
     * the largest dropped fractions (the earlier first on a tie). The shares add up to
     * {@code total} exactly. All zero weights give all zero shares. A refund's "what each line paid"
     * and a receipt's discounted lines ({@link TaxSplit}) are both this.
     */
    public static List<BigDecimal> shares(BigDecimal total, List<BigDecimal> weights) {
        long totalCents = cents(total);
        long weightCents = 0;
        for (BigDecimal weight : weights) {
            weightCents += cents(weight);
        }
        int n = weights.size();
        long[] shares = new long[n];
        long[] remainders = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            if (weightCents == 0) {
                break;
            }
            // exact share = totalCents * weight / sum; kept as quotient and remainder, no rounding
            BigDecimal product = BigDecimal.valueOf(totalCents).multiply(BigDecimal.valueOf(cents(weights.get(i))));
            BigDecimal[] qr = product.divideAndRemainder(BigDecimal.valueOf(weightCents));
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1].longValueExact();
            given += shares[i];
        }
        long left = weightCents == 0 ? 0 : totalCents - given;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
        for (int k = 0; k < left; k++) {
            shares[order.get(k)]++;
        }
        List<BigDecimal> out = new ArrayList<>(n);
        for (long share : shares) {
            out.add(BigDecimal.valueOf(share, SCALE));
        }
        return out;
    }

    private static long cents(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    public static String format(BigDecimal amount) {
        return amount.setScale(SCALE, ROUNDING).toPlainString();
    }
}
