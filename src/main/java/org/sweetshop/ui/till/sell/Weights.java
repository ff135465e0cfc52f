package org.sweetshop.ui.till.sell;

import java.math.BigDecimal;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Money;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;

/**
 * How the selling screen words prices and quantities of both kinds of sweet: "1.20" and "3 left"
 * for a counted one; "1.50 / 100 g" (or "15.00 / kg", a store setting) and "1.250 kg left" for a
 * weighed one. A price per 100 g is the price per kg divided by ten, never rounded: 14.99 / kg is
 * 1.499 / 100 g.
 */
final class Weights {

    private static final BigDecimal TEN = BigDecimal.TEN;

    private Weights() {
    }

    /** A weighed sweet's price per kg as shown: "1.50 / 100 g" or "15.00 / kg". */
    static String perWeight(BigDecimal pricePerKg, boolean per100g) {
        if (!per100g) {
            return Money.format(pricePerKg) + " / kg";
        }
        BigDecimal per100 = pricePerKg.divide(TEN);
        return (per100.stripTrailingZeros().scale() <= Money.SCALE ? Money.format(per100) : per100.stripTrailingZeros().toPlainString())
                + " / 100 g";
    }

    /** A tile's price: "1.20" for a counted sweet, "1.50 / 100 g" for a weighed one. */
    static String price(SweetView sweet, boolean per100g) {
        return sweet.weighed() ? perWeight(sweet.price(), per100g) : Money.format(sweet.price());
    }

    /** A tile's stock: "sold out", "3 left", "120 g left", "1.250 kg left". */
    static String stock(SweetView sweet) {
        return sweet.stock() == 0 ? "sold out" : Quantity.format(sweet.stock(), sweet.soldBy()) + " left";
    }

    /** A basket line's quantity: "3", "250 g", "1.250 kg". */
    static String quantity(Basket.Item item) {
        return Quantity.format(item.quantity(), item.soldBy());
    }

    /** What a basket line's unit says: "1.20 each", "250 g at 1.50 / 100 g". */
    static String unit(Basket.Item item, boolean per100g) {
        return item.weighed() ? quantity(item) + " at " + perWeight(item.unitPrice(), per100g) : Money.format(item.unitPrice()) + " each";
    }

    /**
     * The text with a no-break space between a number and its {@code g} or {@code kg}, so that a
     * line that wraps ("503 g at 1.50 / 100 g" in a narrow basket) never leaves a unit on its own.
     */
    static String unitsKeptWithNumbers(String text) {
        return text.replaceAll("(\\d) (k?g)\\b", "$1\u00a0$2");
    }

    /** "250 g of Pick & Mix", "3 Sweet SL", "Fudge Bar" (one piece). */
    static String some(SweetView sweet, int quantity) {
        if (sweet.soldBy() == SoldBy.WEIGHED) {
            return Quantity.format(quantity, SoldBy.WEIGHED) + " of " + sweet.name();
        }
        return quantity == 1 ? sweet.name() : quantity + " " + sweet.name();
    }
}
