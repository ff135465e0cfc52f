package org.sweetshop.common;

import java.util.ArrayList;
import java.util.List;

/**
 * A product barcode (GTIN) with a valid check digit, in the one form the catalogue keeps: EAN-13
 * as its 13 digits, UPC-A as the EAN-13 it is (a leading 0, so a pack read as UPC-A by one scanner
 * and as EAN-13 by another is the same product), EAN-8 as its 8 digits. UPC-E, the zero-suppressed
 * UPC-A on small packs, is read as the UPC-A it stands for.
 *
 * <p>Eight digits read by a scanner gun may be an EAN-8 or a UPC-E; {@link #candidates} gives
 * every product code such a reading can be, and the catalogue looks each up.
 */
public record ProductCode(String digits) {

    /** The most characters a scanned or typed product code may have; longer input is refused unread. */
    public static final int MAX_LENGTH = 14;

    public enum Format { EAN_13, EAN_8, UPC_A, UPC_E }

    public ProductCode {
        if (!(digits.length() == 13 || digits.length() == 8) || !allDigits(digits) || !checkDigitValid(digits)) {
            throw new IllegalArgumentException("not a product code: " + digits);
        }
    }

    /**
     * The product code typed or stored as {@code text}: 13 digits (EAN-13), 12 (UPC-A) or 8
     * (EAN-8), with a valid check digit.
     */
    public static ProductCode parse(String field, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > MAX_LENGTH || !allDigits(t)) {
            throw new InvalidInputException(field, "A barcode is 8, 12 or 13 digits (EAN-8, UPC-A, EAN-13): '"
                    + Texts.shorten(t) + "' is not");
        }
        if (t.length() != 8 && t.length() != 12 && t.length() != 13) {
            throw new InvalidInputException(field, "A barcode is 8, 12 or 13 digits (EAN-8, UPC-A, EAN-13): '"
                    + t + "' has " + t.length());
        }
        if (!checkDigitValid(t)) {
            throw new InvalidInputException(field, "Barcode " + t + " has a wrong check digit (the last digit should be "
                    + checkDigit(t.substring(0, t.length() - 1)) + "): it was misread or mistyped");
        }
        return new ProductCode(t.length() == 12 ? "0" + t : t);
    }

    /** The product code a scanner decoded in a known format; empty if the digits are not valid for it. */
    public static List<ProductCode> of(Format format, String text) {
        if (text == null || !allDigits(text)) {
            return List.of();
        }
        return switch (format) {
            case EAN_13 -> text.length() == 13 && checkDigitValid(text) ? List.of(new ProductCode(text)) : List.of();
            case UPC_A -> text.length() == 12 && checkDigitValid(text) ? List.of(new ProductCode("0" + text)) : List.of();
            case EAN_8 -> text.length() == 8 && checkDigitValid(text) ? List.of(new ProductCode(text)) : List.of();
            case UPC_E -> {
                String upcA = expandUpcE(text);
                yield upcA == null ? List.of() : List.of(new ProductCode("0" + upcA));
            }
        };
    }

    /**
     * Every product code a reading of unknown format (a scanner gun's digits) can be: 13 or 12
     * digits are one code; 8 digits are an EAN-8 and, when they also read as one, a UPC-E.
     */
    public static List<ProductCode> candidates(String text) {
        if (text == null || !allDigits(text)) {
            return List.of();
        }
        List<ProductCode> out = new ArrayList<>(2);
        switch (text.length()) {
            case 13 -> out.addAll(of(Format.EAN_13, text));
            case 12 -> out.addAll(of(Format.UPC_A, text));
            case 8 -> {
                out.addAll(of(Format.EAN_8, text));
                out.addAll(of(Format.UPC_E, text));
            }
            default -> { }
        }
        return List.copyOf(out);
    }

    /**
     * True for what a product barcode or a scale label reads as: 8, 12 or 13 ASCII digits (its
     * check digit not yet looked at).
     */
    public static boolean hasCodeShape(String text) {
        return text != null && (text.length() == 8 || text.length() == 12 || text.length() == 13) && allDigits(text);
    }

    /** The UPC-A (12 digits) a UPC-E (8 digits: number system 0 or 1, six digits, check) stands for, or null. */
    static String expandUpcE(String upcE) {
        if (upcE.length() != 8 || !allDigits(upcE) || (upcE.charAt(0) != '0' && upcE.charAt(0) != '1')) {
            return null;
        }
        char ns = upcE.charAt(0);
        String d = upcE.substring(1, 7);
        char last = d.charAt(5);
        String body = switch (last) {
            case '0', '1', '2' -> d.substring(0, 2) + last + "0000" + d.substring(2, 5);
            case '3' -> d.substring(0, 3) + "00000" + d.substring(3, 5);
            case '4' -> d.substring(0, 4) + "00000" + d.charAt(4);
            default -> d.substring(0, 5) + "0000" + last;
        };
        String upcA = ns + body + upcE.charAt(7);
        return checkDigitValid(upcA) ? upcA : null;
    }

    /** The GS1 check digit for {@code body} (all digits but the check): weights 3,1,3,… from the right. */
    public static char checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    public static boolean checkDigitValid(String code) {
        return code.length() >= 2 && allDigits(code)
                && code.charAt(code.length() - 1) == checkDigit(code.substring(0, code.length() - 1));
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** As a customer reads it on the pack: UPC-A without the leading 0 it is kept with. */
    public String printed() {
        return digits.length() == 13 && digits.charAt(0) == '0' ? digits.substring(1) : digits;
    }

    @Override
    public String toString() {
        return digits;
    }
}
