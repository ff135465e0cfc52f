package org.sweetshop.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.sweetshop.common.SoldBy;

/**
 * What it takes to add a sweet to the catalogue; checked by {@link CatalogService#add}. For a
 * weighed sweet {@code price} is per kilogram and {@code openingStock} and {@code reorderLevel} are
 * whole grams.
 *
 * @param soldBy   counted or weighed (null: counted)
 * @param plu      the 5-digit PLU a label scale prints, or null
 * @param barcodes product barcodes (EAN-13, EAN-8, UPC-A), each unique in the catalogue; null for none
 * @param taxCode  the code of its tax rate ({@code RED}); null: the store's default rate
 */
public record NewSweet(String sku, String name, String category, BigDecimal price, int openingStock, int reorderLevel,
                       SoldBy soldBy, Integer plu, List<String> barcodes, String taxCode) {

    /** A sweet at the store's default tax rate. */
    public NewSweet(String sku, String name, String category, BigDecimal price, int openingStock, int reorderLevel,
                    SoldBy soldBy, Integer plu, List<String> barcodes) {
        this(sku, name, category, price, openingStock, reorderLevel, soldBy, plu, barcodes, null);
    }

    /** A counted sweet without PLU or barcodes. */
    public NewSweet(String sku, String name, String category, BigDecimal price, int openingStock, int reorderLevel) {
        this(sku, name, category, price, openingStock, reorderLevel, SoldBy.COUNTED, null, List.of());
    }

    /** A weighed sweet: {@code pricePerKg}, stock and reorder level in grams. */
    public static NewSweet weighed(String sku, String name, String category, BigDecimal pricePerKg, int grams, int reorderGrams,
                                   Integer plu) {
        return new NewSweet(sku, name, category, pricePerKg, grams, reorderGrams, SoldBy.WEIGHED, plu, List.of());
    }

    /** The same sweet with these barcodes. */
    public NewSweet withBarcodes(List<String> codes) {
        return new NewSweet(sku, name, category, price, openingStock, reorderLevel, soldBy, plu, codes, taxCode);
    }

    /** The same sweet at this tax rate ({@code RED}; null: the default). */
    public NewSweet withTax(String code) {
        return new NewSweet(sku, name, category, price, openingStock, reorderLevel, soldBy, plu, barcodes, code);
    }

    /** How it is sold: counted unless said otherwise. */
    public SoldBy kind() {
        return soldBy == null ? SoldBy.COUNTED : soldBy;
    }
}
