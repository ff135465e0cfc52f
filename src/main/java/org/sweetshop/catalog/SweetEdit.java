package org.sweetshop.catalog;

import java.math.BigDecimal;

/**
 * Changes to a sweet, checked by {@link CatalogService#edit}: a null field is left as it is.
 * {@code sku} is the new SKU (barcode); the sweet keeps its id, so its sales and stock movements
 * stay with it.
 */
public record SweetEdit(String sku, String name, String category, BigDecimal price, Integer reorderLevel) {

    public static SweetEdit price(BigDecimal price) {
        return new SweetEdit(null, null, null, price, null);
    }

    public boolean empty() {
        return sku == null && name == null && category == null && price == null && reorderLevel == null;
    }
}
