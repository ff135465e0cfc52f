package org.sweetshop.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.ProductCode;
import org.sweetshop.common.Quantity;

/**
 * The store's scale-label patterns: the store-internal EAN-13s (prefixes 20 to 29) a label scale
 * prints, carrying the item's PLU and either its weight or its price. A pattern is 13 characters,
 * one per digit of the label:
 * <ul>
 *   <li>a digit: that digit, literally (the prefix; it starts with 2 and a second digit);</li>
 *   <li>{@code P}: a digit of the PLU (1 to 5 of them, together);</li>
 *   <li>{@code W}: a digit of the weight in grams, or {@code $}: a digit of the price in hundredths
 *       (one run of either, 1 to 5 digits);</li>
 *   <li>{@code C}: the EAN-13 check digit, last.</li>
 * </ul>
 * The defaults are {@value #DEFAULTS}: {@code 21} + PLU + grams, {@code 23} + PLU + price. Several
 * patterns are separated by commas ({@code labels.patterns} in {@code sweetshop.properties}).
 *
 * <p>A price label's grams are derived from the sweet's price per kg ({@link #gramsForPrice}): the
 * smallest whole number of grams whose line, priced by the one rule {@link Money#weighedLine},
 * comes to exactly the label's price; a price no whole gram count comes to is refused.
 */
public final class ScaleLabels {

    public static final String DEFAULTS = "21PPPPPWWWWWC,23PPPPP$$$$$C";

    /** What a label carries besides its PLU. */
    public enum Carries { WEIGHT, PRICE }

    /** One pattern: the literal prefix and where the PLU and the value are. */
    public record Pattern(String text, String prefix, int pluStart, int pluEnd, int valueStart, int valueEnd, Carries carries) {

        boolean matches(String digits) {
            return digits.length() == 13 && digits.startsWith(prefix);
        }
    }

    /** A label read: its pattern's kind, the PLU and the weight in grams or the price. */
    public record Label(String code, int plu, Carries carries, int grams, BigDecimal price) {
    }

    private final List<Pattern> patterns;

    private ScaleLabels(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public static ScaleLabels defaults() {
        return parse(DEFAULTS);
    }

    /** The patterns of {@code text} (comma separated); null or blank is {@link #DEFAULTS}. */
    public static ScaleLabels parse(String text) {
        if (text == null || text.isBlank()) {
            return parse(DEFAULTS);
        }
        List<Pattern> out = new ArrayList<>();
        for (String part : text.split(",")) {
            Pattern p = pattern(part.strip());
            for (Pattern other : out) {
                if (p.prefix().startsWith(other.prefix()) || other.prefix().startsWith(p.prefix())) {
                    throw bad(part, "its prefix " + p.prefix() + " overlaps the prefix " + other.prefix() + " of " + other.text());
                }
            }
            out.add(p);
        }
        return new ScaleLabels(out);
    }

    public List<Pattern> patterns() {
        return patterns;
    }

    private static Pattern pattern(String t) {
        if (t.length() != 13) {
            throw bad(t, "a pattern has 13 characters, one per digit of the label");
        }
        int prefixEnd = 0;
        while (prefixEnd < 13 && Character.isDigit(t.charAt(prefixEnd))) {
            prefixEnd++;
        }
        if (prefixEnd < 2 || t.charAt(0) != '2') {
            throw bad(t, "a label starts with 2 and a second digit (store-internal prefixes 20 to 29)");
        }
        if (t.charAt(12) != 'C' || t.indexOf('C') != 12) {
            throw bad(t, "the check digit C comes last, once");
        }
        int[] plu = run(t, 'P');
        char valueChar = t.indexOf('W') >= 0 ? 'W' : '$';
        int[] value = run(t, valueChar);
        if (plu == null || plu[1] - plu[0] > 5) {
            throw bad(t, "give the PLU as 1 to 5 P together");
        }
        if (value == null || value[1] - value[0] > 5 || t.indexOf('W') >= 0 && t.indexOf('$') >= 0) {
            throw bad(t, "give the weight (W) or the price ($) as 1 to 5 digits together, not both");
        }
        for (int i = prefixEnd; i < 12; i++) {
            char c = t.charAt(i);
            boolean inPlu = i >= plu[0] && i < plu[1];
            boolean inValue = i >= value[0] && i < value[1];
            if (!inPlu && !inValue) {
                throw bad(t, "'" + c + "' at position " + (i + 1) + " is not part of the PLU (P) or the value (W or $)");
            }
        }
        return new Pattern(t, t.substring(0, prefixEnd), plu[0], plu[1], value[0], value[1],
                valueChar == 'W' ? Carries.WEIGHT : Carries.PRICE);
    }

    /** The start and end of the one run of {@code c}, or null when {@code c} is absent or not together. */
    private static int[] run(String t, char c) {
        int start = t.indexOf(c);
        if (start < 0) {
            return null;
        }
        int end = t.lastIndexOf(c) + 1;
        for (int i = start; i < end; i++) {
            if (t.charAt(i) != c) {
                return null;
            }
        }
        return new int[] {start, end};
    }

    private static InvalidInputException bad(String pattern, String why) {
        return new InvalidInputException("labels.patterns", "scale-label pattern '" + pattern + "': " + why
                + " (e.g. " + DEFAULTS + ")");
    }

    /** True when {@code digits} is in a label range: 13 digits starting with a pattern's prefix. */
    public boolean inLabelRange(String digits) {
        return digits != null && patterns.stream().anyMatch(p -> p.matches(digits));
    }

    /**
     * The label {@code digits} is, when it is in a label range; its check digit is checked (a wrong
     * one is refused: the label was misread). Empty for digits no pattern takes.
     */
    public Optional<Label> read(String digits) {
        for (Pattern p : patterns) {
            if (!p.matches(digits)) {
                continue;
            }
            if (!ProductCode.checkDigitValid(digits)) {
                throw new InvalidInputException("code", "Scale label " + digits + " has a wrong check digit (the last digit should be "
                        + ProductCode.checkDigit(digits.substring(0, 12)) + "): scan it again");
            }
            int plu = Integer.parseInt(digits.substring(p.pluStart(), p.pluEnd()));
            int value = Integer.parseInt(digits.substring(p.valueStart(), p.valueEnd()));
            if (plu == 0) {
                throw new InvalidInputException("code", "Scale label " + digits + " carries PLU 00000: no sweet has it");
            }
            return Optional.of(p.carries() == Carries.WEIGHT
                    ? new Label(digits, plu, Carries.WEIGHT, value, null)
                    : new Label(digits, plu, Carries.PRICE, 0, BigDecimal.valueOf(value, 2)));
        }
        return Optional.empty();
    }

    /**
     * The grams a price label stands for: the smallest whole number of grams (1 to
     * {@link Quantity#MAX_GRAMS}) whose {@link Money#weighedLine} at {@code pricePerKg} is exactly
     * {@code price} (a line only grows with its grams, so a binary search finds it). A price
     * between two gram counts' lines (possible when a gram costs more than half a cent) is refused.
     */
    public static int gramsForPrice(BigDecimal pricePerKg, BigDecimal price, String what) {
        if (pricePerKg.signum() <= 0 || price.signum() <= 0) {
            throw new InvalidInputException("code", "Scale label for " + what + ": a price of " + Money.format(price)
                    + " at " + Money.format(pricePerKg) + "/kg is no weight");
        }
        // weighedLine is monotonic in grams: search the first g with line(g) >= price
        int low = 1;
        int high = Quantity.MAX_GRAMS;
        if (Money.weighedLine(pricePerKg, high).compareTo(price) < 0) {
            throw new InvalidInputException("code", "Scale label for " + what + ": " + Money.format(price) + " at "
                    + Money.format(pricePerKg) + "/kg is more than " + Quantity.format(Quantity.MAX_GRAMS, org.sweetshop.common.SoldBy.WEIGHED));
        }
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Money.weighedLine(pricePerKg, mid).compareTo(price) >= 0) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        if (Money.weighedLine(pricePerKg, low).compareTo(price) != 0) {
            throw new InvalidInputException("code", "Scale label for " + what + ": no whole number of grams at "
                    + Money.format(pricePerKg) + "/kg comes to " + Money.format(price) + " (the label's price per kg differs from the"
                    + " catalogue's?)");
        }
        return low;
    }
}
