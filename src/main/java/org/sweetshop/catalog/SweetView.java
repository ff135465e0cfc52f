package org.sweetshop.catalog;

import java.math.BigDecimal;

/** A sweet as the screens and the command line see it. */
public record SweetView(long id, String sku, String name, String category, BigDecimal price, int stock,
                        int reorderLevel, boolean active) {

    public boolean low() {
        return active && stock <= reorderLevel;
    }
}
