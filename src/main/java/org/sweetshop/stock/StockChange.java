package org.sweetshop.stock;

/** The outcome of a restock or stocktake: how much changed and what is now in stock. */
public record StockChange(String sku, String name, int change, int stockAfter) {
}
