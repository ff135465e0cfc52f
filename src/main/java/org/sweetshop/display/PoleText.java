package org.sweetshop.display;

import java.text.Normalizer;

/**
 * What a 2×20 pole display can show, in one place: a line is exactly {@link #COLUMNS} characters of
 * printable ASCII (0x20–0x7E). Both command sets this till speaks ({@link PoleCommands}) are safe in
 * that range on every display of the family; the upper half of their character tables differs from
 * model to model (and with the DIP switches), so nothing above 0x7E is sent. Other characters become:
 * accented letters their letter ({@code é} → {@code e}, {@code ü} → {@code u}; {@code ß} → {@code ss},
 * {@code æ} → {@code ae}, {@code ø} → {@code o}), typographic quotes and dashes their ASCII form,
 * {@code €} → {@code EUR}, {@code £} → {@code GBP}, and anything else {@code ?}. Amounts are shown
 * without a currency sign, as the till's screen shows them.
 */
public final class PoleText {

    /** Characters on a line of a 2×20 display. */
    public static final int COLUMNS = 20;

    private PoleText() {
    }

    /** The text in characters the display has (see the class comment); control characters become spaces. */
    public static String ascii(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c >= 0x20 && c <= 0x7E) {
                out.append(c);
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                // the accent of a decomposed letter: the letter is already there
            } else if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                out.append(' ');
            } else {
                out.append(replacement(c));
            }
        }
        return out.toString();
    }

    private static String replacement(char c) {
        return switch (c) {
            case '€' -> "EUR";
            case '£' -> "GBP";
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'Æ' -> "AE";
            case 'œ' -> "oe";
            case 'Œ' -> "OE";
            case 'ø' -> "o";
            case 'Ø' -> "O";
            case 'ł' -> "l";
            case 'Ł' -> "L";
            case 'đ' -> "d";
            case 'Đ' -> "D";
            case '\u2018', '\u2019', '\u201A', '\u2032' -> "'";
            case '\u201C', '\u201D', '\u201E', '\u2033' -> "\"";
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> "-";
            case '\u00D7' -> "x";
            default -> "?";
        };
    }

    /** Text on the left, an amount (or any short text) on the right, in exactly 20 columns; the left is cut to fit. */
    public static String spread(String left, String right) {
        String r = ascii(right).strip();
        if (r.length() >= COLUMNS) {
            return r.substring(0, COLUMNS);
        }
        int room = COLUMNS - r.length() - 1;   // one space at least between them
        String l = cut(ascii(left).strip(), room);
        return l + " ".repeat(COLUMNS - l.length() - r.length()) + r;
    }

    /** The text in the middle of 20 columns, cut to fit. */
    public static String centred(String text) {
        String t = cut(ascii(text).strip(), COLUMNS);
        int before = (COLUMNS - t.length()) / 2;
        return " ".repeat(before) + t + " ".repeat(COLUMNS - before - t.length());
    }

    /** The text from the left of 20 columns, cut to fit, padded with spaces. */
    public static String left(String text) {
        String t = cut(ascii(text).strip(), COLUMNS);
        return t + " ".repeat(COLUMNS - t.length());
    }

    /**
     * At most {@code room} characters of a name, cut sensibly: at the last space when that keeps at
     * least half the room ("Fizzy Cola Bottles" in 14 → "Fizzy Cola"), else mid-word; never ending
     * on a space or an opening bracket.
     */
    static String cut(String text, int room) {
        if (room <= 0) {
            return "";
        }
        if (text.length() <= room) {
            return text;
        }
        String kept = text.substring(0, room);
        int space = kept.lastIndexOf(' ');
        if (text.charAt(room) != ' ' && space >= (room + 1) / 2) {
            kept = kept.substring(0, space);
        }
        return kept.replaceAll("[\\s(\\[{,;:&/-]+$", "");
    }
}
