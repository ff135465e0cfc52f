package org.sweetshop.common;

import java.util.regex.Pattern;

/** Checks on names and codes typed or scanned in: length, character set, no control characters. */
public final class Texts {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private Texts() {
    }

    /** A free text such as a sweet's name: trimmed, 1..max characters, no control characters. */
    public static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is missing");
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters");
        }
        if (CONTROL.matcher(trimmed).find()) {
            throw new InvalidInputException(field, field + " contains control characters");
        }
        return trimmed;
    }


    /** A code such as a SKU or a till name: must match {@code pattern}, described to the user by {@code shape}. */
    public static String requireCode(String field, String value, Pattern pattern, String shape) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is missing");
        }
        String trimmed = value.strip();
        if (trimmed.length() > 200 || !pattern.matcher(trimmed).matches()) {
            throw new InvalidInputException(field, field + " must be " + shape + ", not '" + shorten(trimmed) + "'");
        }
        return trimmed;
    }

    /** A whole number in a range, for quantities and counts. */
    public static int requireRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, field + " must be between " + min + " and " + max + ", not " + value);
        }
        return (int) value;
    }

    /** Shortens a value for an error message so a 10 kB paste does not become a 10 kB message. */
    public static String shorten(String value) {
        String printable = CONTROL.matcher(value).replaceAll("?");
        return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...";
    }
}
