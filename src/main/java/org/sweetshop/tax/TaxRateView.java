package org.sweetshop.tax;

import java.math.BigDecimal;
import org.sweetshop.common.TaxSplit;

/**
 * A tax rate as the screens and the command line see it.
 *
 * @param rate      percent, two decimals ({@code 20.00})
 * @param isDefault the rate a new sweet gets unless told otherwise
 */
public record TaxRateView(String code, String name, BigDecimal rate, boolean isDefault) {

    /** A line at this rate, to tax. */
    public TaxSplit.Line line(BigDecimal lineTotal) {
        return new TaxSplit.Line(code, name, rate, lineTotal);
    }

    /** The rate as a person reads it: {@code 20%}. */
    public String percent() {
        return rate.stripTrailingZeros().toPlainString() + "%";
    }
}
