package org.sweetshop.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantities as people type and read them: a count of pieces ({@code 3}) for a counted sweet, a
 * weight ({@code 250g}, {@code 0.25kg}, {@code 1.5 kg}) for a weighed one, kept as whole grams.
 * A bare number for a weighed sweet is refused (is "250" grams or kilograms?), and so is a
 * weight for a counted one. A weight with more precision than a gram is refused, not rounded.
 */
public final class Quantity {

    /** The most of a counted sweet on one line. */
    public static final int MAX_PIECES = 9_999;
    /** The most of a weighed sweet on one line: 99.999 kg, what a 5-digit scale label can carry. */
    public static final int MAX_GRAMS = 99_999;

    private static final Pattern WEIGHT = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?)\\s*(g|kg)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Quantity() {
    }

    /** True when {@code text} has the form of a weight ({@code 250g}, {@code 0.25kg}), whatever its range. */
    public static boolean isWeight(String text) {
        return text != null && WEIGHT.matcher(text.strip()).matches();
    }

    /**
     * True for a bare {@code 0}: no weight at all, in grams and kilograms alike, so it is taken
     * for a weighed sweet where nothing is allowed (an opening stock, a count of an empty jar).
     */
    public static boolean isBareZero(String text) {
        return text != null && text.strip().matches("0+");
    }

    /** The largest quantity one line of a sweet sold this way may have. */
    public static int maxPerLine(SoldBy soldBy) {
        return soldBy.weighed() ? MAX_GRAMS : MAX_PIECES;
    }

    /** A line's quantity, from 1 to {@link #maxPerLine}. */
    public static int parse(String field, String text, SoldBy soldBy) {
        return parse(field, text, soldBy, 1, maxPerLine(soldBy));
    }

    /** A quantity in the sweet's unit (pieces or grams), from {@code min} to {@code max}. */
    public static int parse(String field, String text, SoldBy soldBy, long min, long max) {
        String t = text == null ? "" : text.strip();
        if (t.length() > 40) {
            throw new InvalidInputException(field, "'" + Texts.shorten(t) + "' is not a quantity");
        }
        Matcher weight = WEIGHT.matcher(t);
        if (soldBy.weighed()) {
            if (min <= 0 && isBareZero(t)) {
                return 0;
            }
            if (COUNT.matcher(t).matches()) {
                throw new InvalidInputException(field, "Give the weight with its unit, e.g. 250g or 0.25kg: '"
                        + t + "' could be grams or kilograms");
            }
            if (!weight.matches()) {
                throw new InvalidInputException(field, "'" + t + "' is not a weight: give grams or kilograms, e.g. 250g or 0.25kg");
            }
            BigDecimal grams = new BigDecimal(weight.group(1));
            if (weight.group(2).toLowerCase(Locale.ROOT).equals("kg")) {
                grams = grams.multiply(THOUSAND);
            }
            BigDecimal whole;
            try {
                whole = grams.setScale(0, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException finer) {
                throw new InvalidInputException(field, "'" + t + "' is finer than a gram: weights are whole grams");
            }
            return (int) range(field, whole, min, max, soldBy);
        }
        if (weight.matches()) {
            throw new InvalidInputException(field, "This sweet is sold by the piece: give a count, not '" + t + "'");
        }
        if (!COUNT.matcher(t).matches()) {
            throw new InvalidInputException(field, "'" + t + "' is not a whole number of pieces");
        }
        return (int) range(field, new BigDecimal(t), min, max, soldBy);
    }

    private static long range(String field, BigDecimal value, long min, long max, SoldBy soldBy) {
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidInputException(field, field + " must be from " + format((int) min, soldBy) + " to "
                    + format((int) Math.min(max, Integer.MAX_VALUE), soldBy) + ", not " + format(value, soldBy));
        }
        return value.longValueExact();
    }

    private static String format(BigDecimal value, SoldBy soldBy) {
        return value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? value.toPlainString() + (soldBy.weighed() ? " g" : "")
                : format(value.intValue(), soldBy);
    }

    /** As a receipt or screen shows it: {@code 3}, {@code 250 g}, {@code 1.250 kg} (from a kilogram on). */
    public static String format(int quantity, SoldBy soldBy) {
        if (!soldBy.weighed()) {
            return Integer.toString(quantity);
        }
        if (Math.abs(quantity) < 1000) {
            return quantity + " g";
        }
        return kilograms(quantity);
    }

    /** Grams as kilograms with three decimals: {@code 0.253 kg}, {@code 1.250 kg}. */
    public static String kilograms(long grams) {
        return BigDecimal.valueOf(grams, 3).toPlainString() + " kg";
    }

    /** As the command line and CSV take it back: {@code 3} or {@code 250g}. */
    public static String plain(int quantity, SoldBy soldBy) {
        return soldBy.weighed() ? quantity + "g" : Integer.toString(quantity);
    }
}
