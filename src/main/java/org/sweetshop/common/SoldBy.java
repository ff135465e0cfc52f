package org.sweetshop.common;

/**
 * How a sweet is sold, and so what its quantities count. A counted sweet's stock, basket lines and
 * movements are pieces and its price is per piece; a weighed sweet's (pick-and-mix, jars) are whole
 * grams and its price is per kilogram. Every {@code int quantity} in the codebase is in the unit of
 * its sweet.
 */
public enum SoldBy {
    COUNTED("pcs"),
    WEIGHED("g");

    private final String unit;

    SoldBy(String unit) {
        this.unit = unit;
    }

    /** The unit of a quantity: {@code pcs} or {@code g} (what {@code sweet list --json} says). */
    public String unit() {
        return unit;
    }

    public boolean weighed() {
        return this == WEIGHED;
    }
}
