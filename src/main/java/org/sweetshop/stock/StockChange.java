package org.sweetshop.stock;

import org.sweetshop.common.SoldBy;

/**
 * The outcome of a restock or stocktake: how much changed and what is now in stock, in the sweet's
 * unit ({@code unit}: {@code pcs} or {@code g}).
 */
public record StockChange(String sku, String name, int change, int stockAfter, String unit) {

    /** A counted sweet's change. */
    public StockChange(String sku, String name, int change, int stockAfter) {
        this(sku, name, change, stockAfter, SoldBy.COUNTED.unit());
    }

    static StockChange of(org.sweetshop.catalog.Sweet sweet, int change) {
        return new StockChange(sweet.getSku(), sweet.getName(), change, sweet.getStock(), sweet.getSoldBy().unit());
    }

    public boolean weighed() {
        return SoldBy.WEIGHED.unit().equals(unit);
    }
}
