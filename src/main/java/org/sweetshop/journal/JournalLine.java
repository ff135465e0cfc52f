package org.sweetshop.journal;

import java.math.BigDecimal;

/**
 * One line of a journaled sale. {@code kind} is {@code COUNTED} (a quantity at a unit price);
 * weighed sweets (issue 10) will add {@code WEIGHED} lines with {@code grams} and a price per kg,
 * which this version's reader refuses rather than misread.
 */
public record JournalLine(String kind, long sweetId, String sku, String name, int quantity, BigDecimal unitPrice,
                          BigDecimal lineTotal) {

    public static final String COUNTED = "COUNTED";
}
