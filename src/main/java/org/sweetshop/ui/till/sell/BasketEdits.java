package org.sweetshop.ui.till.sell;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Texts;

/**
 * The cashier's edits of the basket's lines: a tap adds one piece, or weighs a weighed sweet
 * ({@link Weighing}) and adds its grams; − takes a piece off (a weighed line is re-weighed or
 * removed instead, grams do not go one at a time); re-weigh replaces a weighed line's grams.
 * Nothing changes while the basket is locked (a payment on its way or unconfirmed).
 */
final class BasketEdits {

    private final Basket basket;
    private final Notice notice;
    private final Function<String, Optional<SweetView>> sweets;
    private final Adding adding;
    private final Weighing weighing;
    private final BooleanSupplier locked;
    private final Runnable basketChanged;

    BasketEdits(Basket basket, Notice notice, Function<String, Optional<SweetView>> sweets, Adding adding, Weighing weighing,
                BooleanSupplier locked, Runnable basketChanged) {
        this.basket = basket;
        this.notice = notice;
        this.sweets = sweets;
        this.adding = adding;
        this.weighing = weighing;
        this.locked = locked;
        this.basketChanged = basketChanged;
    }

    void add(String sku) {
        if (locked.getAsBoolean()) {
            return;
        }
        Optional<SweetView> found = sweets.apply(sku);
        if (found.isEmpty()) {
            notice.error("There is no sweet with the code " + Texts.shorten(sku) + ".");
            return;
        }
        SweetView sweet = found.get();
        int inBasket = basket.quantityOf(sweet.sku());
        if (!sweet.weighed()) {
            adding.add(sweet, 1);
        } else if (inBasket >= sweet.stock()) {
            notice.error(Adding.outOfStock(sweet, inBasket));   // said before the scale is read
        } else {
            weighing.weigh(sweet, Weighing.Mode.ADD);
        }
    }

    void decrement(String sku) {
        if (locked.getAsBoolean()) {
            return;
        }
        Optional<Basket.Item> line = basket.item(sku);
        if (line.isPresent() && line.get().weighed()) {
            notice.error(line.get().name() + " is weighed: re-weigh the line (F7) or remove it.");
        } else if (basket.takeOne(sku)) {
            basketChanged.run();
        }
    }

    void reweigh(String sku) {
        Optional<Basket.Item> line = basket.item(sku).filter(Basket.Item::weighed);
        if (locked.getAsBoolean() || line.isEmpty()) {
            return;
        }
        Optional<SweetView> now = sweets.apply(sku);
        if (now.isEmpty()) {
            notice.error(line.get().name() + " is no longer for sale: remove its line.");
        } else {
            weighing.weigh(now.get(), Weighing.Mode.REWEIGH);
        }
    }
}
