package org.sweetshop.common;

import java.util.Map;

/** A basket asks for more of a sweet than is left. */
public final class OutOfStockException extends Refusal {

    private final String sku;
    private final String name;
    private final int left;
    private final int requested;

    private final SoldBy soldBy;

    /** A counted sweet: {@code left} and {@code requested} are pieces. */
    public OutOfStockException(String sku, String name, int left, int requested) {
        this(sku, name, left, requested, SoldBy.COUNTED);
    }

    /**
     * {@code left} and {@code requested} in the sweet's unit: a weighed sweet's message says how many
     * grams are left ("only 120 g of Pick and Mix (PNM) left, 250 g asked for").
     */
    public OutOfStockException(String sku, String name, int left, int requested, SoldBy soldBy) {
        super(message(sku, name, left, requested, soldBy));
        this.soldBy = soldBy;
        this.sku = sku;
        this.name = name;
        this.left = left;
        this.requested = requested;
    }

    private static String message(String sku, String name, int left, int requested, SoldBy soldBy) {
        if (left == 0) {
            return "out of stock: " + name + " (" + sku + ") has none left";
        }
        return "out of stock: only " + Quantity.format(left, soldBy) + " of " + name + " (" + sku + ") left, "
                + Quantity.format(requested, soldBy) + " asked for";
    }

    public SoldBy soldBy() {
        return soldBy;
    }

    public String sku() {
        return sku;
    }

    public int left() {
        return left;
    }

    @Override
    public String code() {
        return "OUT_OF_STOCK";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("sku", sku, "name", name, "left", left, "requested", requested, "unit", soldBy.unit());
    }
}
