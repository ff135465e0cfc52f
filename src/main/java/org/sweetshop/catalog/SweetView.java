package org.sweetshop.catalog;

import org.sweetshop.common.SoldBy;

import java.math.BigDecimal;

/**
 * A sweet as the screens and the command line see it. For a weighed sweet {@code price} is per
 * kilogram and {@code stock} and {@code reorderLevel} are whole grams.
 *
 * @param taxCode the code of the tax rate it is sold at ({@code STD}); null where not known (a test's sweet)
 */
public record SweetView(long id, String sku, String name, String category, BigDecimal price, int stock,
                        int reorderLevel, boolean active, SoldBy soldBy, Integer plu, String taxCode) {

    /** A sweet whose tax rate is not known here. */
    public SweetView(long id, String sku, String name, String category, BigDecimal price, int stock, int reorderLevel, boolean active,
                     SoldBy soldBy, Integer plu) {
        this(id, sku, name, category, price, stock, reorderLevel, active, soldBy, plu, null);
    }

    /** A counted sweet without a PLU. */
    public SweetView(long id, String sku, String name, String category, BigDecimal price, int stock, int reorderLevel, boolean active) {
        this(id, sku, name, category, price, stock, reorderLevel, active, SoldBy.COUNTED, null);
    }

    public boolean weighed() {
        return soldBy.weighed();
    }

    public boolean low() {
        return active && stock <= reorderLevel;
    }
}
