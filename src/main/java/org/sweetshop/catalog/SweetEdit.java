package org.sweetshop.catalog;

import java.math.BigDecimal;

/**
 * Changes to a sweet, checked by {@link CatalogService#edit}: a null field is left as it is.
 * {@code sku} is the new SKU (barcode); the sweet keeps its id, so its sales and stock movements
 * stay with it. {@code taxCode} moves it to another tax rate (its sales keep the rate they were sold at).
 */
public record SweetEdit(String sku, String name, String category, BigDecimal price, Integer reorderLevel, String taxCode) {

    public SweetEdit(String sku, String name, String category, BigDecimal price, Integer reorderLevel) {
        this(sku, name, category, price, reorderLevel, null);
    }

    public static SweetEdit price(BigDecimal price) {
        return new SweetEdit(null, null, null, price, null);
    }

    /** Only a new tax rate. */
    public static SweetEdit tax(String code) {
        return new SweetEdit(null, null, null, null, null, code);
    }

    public boolean empty() {
        return sku == null && name == null && category == null && price == null && reorderLevel == null && taxCode == null;
    }
}
