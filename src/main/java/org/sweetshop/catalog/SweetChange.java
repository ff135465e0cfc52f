package org.sweetshop.catalog;

import java.math.BigDecimal;

/**
 * A sweet as it stands after a committed change made anywhere in the store (this till, another
 * till, the back office): what a till's grid shows, without a query. A new sweet arrives the same way.
 */
public record SweetChange(long id, String sku, String name, String category, int stock, BigDecimal price, boolean active) {
}
