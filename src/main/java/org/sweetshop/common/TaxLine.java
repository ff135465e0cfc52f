package org.sweetshop.common;

import java.math.BigDecimal;

/**
 * The tax of one rate on a receipt (or on a refund, or added up in a report): {@code net + tax = gross}.
 * A receipt's gross over its rates is its total, exactly ({@link TaxSplit}).
 *
 * @param code the rate's code ({@code STD})
 * @param name the rate's name ({@code Standard})
 * @param rate percent, e.g. {@code 20.00}
 */
public record TaxLine(String code, String name, BigDecimal rate, BigDecimal net, BigDecimal tax, BigDecimal gross) {

    public TaxLine {
        if (net.add(tax).compareTo(gross) != 0) {
            throw new IllegalArgumentException("net " + net + " + tax " + tax + " is not gross " + gross);
        }
    }

    /** The rate as a person reads it: {@code 20%}, {@code 5%}, {@code 12.5%}. */
    public String percent() {
        return rate.stripTrailingZeros().toPlainString() + "%";
    }

    /** This line and another of the same rate, added up (a report's figure). */
    public TaxLine plus(TaxLine other) {
        return new TaxLine(code, name, rate, net.add(other.net), tax.add(other.tax), gross.add(other.gross));
    }
}
