package org.sweetshop.printer;

import java.util.Locale;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;

/** A thermal receipt roll's width, and the columns its normal font (font A, 12 × 24 dots) prints. */
public enum PaperWidth {
    /** 58 mm paper: 384 dots, 32 columns. */
    MM58(32),
    /** 80 mm paper: 576 dots, 48 columns. */
    MM80(48);

    private final int columns;

    PaperWidth(int columns) {
        this.columns = columns;
    }

    public int columns() {
        return columns;
    }

    /** {@code 58} or {@code 80} (a trailing {@code mm} is allowed). */
    public static PaperWidth parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value.endsWith("mm") ? value.substring(0, value.length() - 2).strip() : value) {
            case "58" -> MM58;
            case "80" -> MM80;
            default -> throw new InvalidInputException("paper", "the paper width must be 58 or 80 (mm), not '" + Texts.shorten(value) + "'");
        };
    }
}
