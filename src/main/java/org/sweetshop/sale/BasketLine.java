package org.sweetshop.sale;

import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;

/** A sweet and how many of it, as the till's basket holds them. */
public record BasketLine(String sku, int quantity) {

    /**
     * Parses {@code SKU:QTY} (or a bare SKU for one) as typed in the back office's refund field.
     * The command line has its own grammar ({@code cli.Arguments}); this stays only until the back
     * office's view model takes its own parsing (the UI part of issue 8), and then goes.
     */
    public static BasketLine parse(String item) {
        if (item == null || item.isBlank() || item.length() > 100) {
            throw new InvalidInputException("item", "an item must be SKU:QTY, e.g. SL-1:2");
        }
        int colon = item.lastIndexOf(':');
        String sku = colon < 0 ? item.strip() : item.substring(0, colon).strip();
        String quantity = colon < 0 ? "1" : item.substring(colon + 1).strip();
        if (!quantity.matches("-?\\d{1,12}")) {
            throw new InvalidInputException("item", "the quantity in '" + Texts.shorten(item) + "' must be a whole number");
        }
        return new BasketLine(sku, Texts.requireRange("quantity", Long.parseLong(quantity), 1, 9_999));
    }
}
