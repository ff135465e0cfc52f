package org.sweetshop.journal;

import java.math.BigDecimal;
import org.sweetshop.common.SoldBy;

/**
 * One line of a journaled sale. {@code kind} is {@code COUNTED} (a quantity of pieces at a unit
 * price) or {@code WEIGHED} (issue 10: {@code quantity} is whole grams and {@code unitPrice} the price
 * per kilogram; {@code lineTotal} rounded once, {@link org.sweetshop.common.Money#weighedLine}). A
 * file written before weighed sweets, or without a kind, reads as {@code COUNTED}; a kind this
 * version does not know is refused rather than misread.
 */
public record JournalLine(String kind, long sweetId, String sku, String name, int quantity, BigDecimal unitPrice,
                          BigDecimal lineTotal) {

    public static final String COUNTED = "COUNTED";
    public static final String WEIGHED = "WEIGHED";

    public JournalLine {
        kind = kind == null || kind.isBlank() ? COUNTED : kind;
    }

    /** How the line was sold; refuses a kind this version does not know. */
    public SoldBy soldBy() {
        return switch (kind) {
            case COUNTED -> SoldBy.COUNTED;
            case WEIGHED -> SoldBy.WEIGHED;
            default -> throw new IllegalStateException("journal line of kind " + kind + " is not known to this version");
        };
    }

    /** The kind a line of a sweet sold this way is journaled as. */
    static String kindOf(SoldBy soldBy) {
        return soldBy.weighed() ? WEIGHED : COUNTED;
    }
}
