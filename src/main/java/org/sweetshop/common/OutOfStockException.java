package org.sweetshop.common;

import java.util.Map;

/** A basket asks for more of a sweet than is left. */
public final class OutOfStockException extends Refusal {

    private final String sku;
    private final String name;
    private final int left;
    private final int requested;

    public OutOfStockException(String sku, String name, int left, int requested) {
        super(left == 0 ? "out of stock: " + name + " (" + sku + ") has none left"
                : "out of stock: only " + left + " of " + name + " (" + sku + ") left, " + requested + " asked for");
        this.sku = sku;
        this.name = name;
        this.left = left;
        this.requested = requested;
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
        return Map.of("sku", sku, "name", name, "left", left, "requested", requested);
    }
}
