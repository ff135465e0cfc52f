package org.sweetshop.catalog;

import java.math.BigDecimal;

/** What it takes to add a sweet to the catalogue; checked by {@link CatalogService#add}. */
public record NewSweet(String sku, String name, String category, BigDecimal price, int openingStock, int reorderLevel) {
}
