package org.sweetshop.ui.till.sell;

import java.math.BigDecimal;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.sale.Pricing;
import org.sweetshop.sale.SaleService;

/**
 * What may go on the basket, and the words when it may not: no more than the stock shown (in
 * pieces, or grams of a weighed sweet: "Only 120 g of Pick & Mix left."), at most
 * {@link SaleService#MAX_LINES} sweets, at most {@link Quantity#maxPerLine} on a line, and no
 * weighed line that comes to nothing.
 */
final class Adding {

    private final Basket basket;
    private final Notice notice;
    private final Runnable basketChanged;

    Adding(Basket basket, Notice notice, Runnable basketChanged) {
        this.basket = basket;
        this.notice = notice;
        this.basketChanged = basketChanged;
    }

    /** This much more of the sweet (pieces, or grams); false (and why on the notice) when refused. */
    boolean add(SweetView sweet, int quantity) {
        int inBasket = basket.quantityOf(sweet.sku());
        if (!allowed(sweet, inBasket, inBasket + quantity)) {
            return false;
        }
        if (!basket.hasRoomFor(sweet.sku())) {
            notice.error("A basket holds at most " + SaleService.MAX_LINES + " different sweets.");
            return false;
        }
        basket.add(sweet.sku(), sweet.name(), sweet.price(), quantity, sweet.soldBy());
        basketChanged.run();
        String now = inBasket > 0 && sweet.weighed()
                ? " Its line has " + Quantity.format(inBasket + quantity, SoldBy.WEIGHED) + " now." : "";
        notice.info("Added " + Weights.some(sweet, quantity) + "." + now);
        return true;
    }

    /** Grams weighed or typed for a sweet: another weighing on its line, or the line's new weight. */
    void weighed(SweetView sweet, int grams, Weighing.Mode mode) {
        if (mode == Weighing.Mode.ADD) {
            add(sweet, grams);
        } else {
            reweigh(sweet, grams);
        }
    }

    /** The sweet's weighed line takes this weight instead; false (and why) when refused or gone. */
    boolean reweigh(SweetView sweet, int grams) {
        if (basket.item(sweet.sku()).isEmpty()) {
            notice.error(sweet.name() + " is no longer in the basket: nothing was re-weighed.");
            return false;
        }
        if (!allowed(sweet, 0, grams)) {
            return false;
        }
        basket.reweigh(sweet.sku(), grams);
        basketChanged.run();
        notice.info("Re-weighed " + sweet.name() + ": " + Quantity.format(grams, SoldBy.WEIGHED) + ".");
        return true;
    }

    private boolean allowed(SweetView sweet, int inBasket, int wanted) {
        if (wanted > sweet.stock()) {
            notice.error(outOfStock(sweet, inBasket));
            return false;
        }
        if (wanted > Quantity.maxPerLine(sweet.soldBy())) {
            notice.error("One line holds at most " + Quantity.format(Quantity.maxPerLine(sweet.soldBy()), sweet.soldBy())
                    + " of " + sweet.name() + ".");
            return false;
        }
        if (sweet.weighed() && Pricing.Line.total(sweet.price(), wanted, SoldBy.WEIGHED).compareTo(BigDecimal.ZERO) <= 0) {
            notice.error(Weights.some(sweet, wanted) + " comes to 0.00: a weighed line must cost something, weigh more.");
            return false;
        }
        return true;
    }

    /** "Sweet X is out of stock.", "Only 2 Sweet FB left.", "Only 120 g of Pick & Mix left (100 g of it in this basket)." */
    static String outOfStock(SweetView sweet, int inBasket) {
        if (sweet.stock() == 0) {
            return sweet.name() + " is out of stock.";
        }
        if (!sweet.weighed()) {
            return "Only " + sweet.stock() + " " + sweet.name() + " left.";
        }
        String held = inBasket > 0 ? " (" + Quantity.format(inBasket, SoldBy.WEIGHED) + " of it in this basket)" : "";
        return "Only " + Quantity.format(sweet.stock(), SoldBy.WEIGHED) + " of " + sweet.name() + " left" + held + ".";
    }
}
