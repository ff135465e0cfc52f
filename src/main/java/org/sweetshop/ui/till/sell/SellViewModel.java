package org.sweetshop.ui.till.sell;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.journal.OfflineSelling;
import org.sweetshop.catalog.SweetChange;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Money;
import org.sweetshop.common.Texts;
import org.sweetshop.coupon.CouponPreview;
import org.sweetshop.coupon.CouponTokens;
import org.sweetshop.promo.PromoService;
import org.sweetshop.promo.PromoView;
import org.sweetshop.sale.Pricing;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.SaleService;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * The selling screen's state: the live catalogue's tiles (filtered by category and search), the
 * {@link Basket} with its coupon and promo ({@link CodeChecks}), live totals, and the
 * {@link Checkout}. No {@code javafx.scene} class: tests drive it with {@link TaskExecutor#sameThread()}.
 */
public final class SellViewModel {

    private final String till;
    private final Caller cashier;
    private final Notice notice = new Notice();
    private final Basket basket;
    private final LiveCatalogue catalogue;
    private final CodeChecks codes;
    private final Checkout checkout;
    private final ObservableList<Basket.Item> items = FXCollections.observableArrayList();
    private final ObservableList<Basket.DiscountLine> discounts = FXCollections.observableArrayList();
    // read-only views made once: a view made per call is held only weakly by its source, and a
    // listener added to it would stop hearing once it is collected
    private final ObservableList<Basket.Item> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ObservableList<Basket.DiscountLine> discountsView = FXCollections.unmodifiableObservableList(discounts);
    private final ReadOnlyObjectWrapper<CouponPreview> coupon = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PromoView> promo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Pricing> pricing = new ReadOnlyObjectWrapper<>(Pricing.of(List.of(), null, null));
    private final ReadOnlyObjectWrapper<Receipt> lastReceipt = new ReadOnlyObjectWrapper<>();

    public SellViewModel(SellServices services, String till, Caller cashier, TaskExecutor tasks, Supplier<UUID> saleIds) {
        this.till = till;
        this.cashier = cashier;
        this.basket = new Basket(saleIds);
        this.catalogue = new LiveCatalogue(services::catalogue, tasks, notice);
        this.codes = new CodeChecks(services, tasks, notice, basket, this::open, this::basketChanged);
        this.checkout = new Checkout(services, new Checkout.Sale(till, cashier, basket, codes::pending), tasks, notice,
                this::basketChanged, this::reload, this::sold);
    }

    // ---- catalogue -------------------------------------------------------------------------

    /** Loads the whole catalogue again (at start, and after the live feed reconnects). */
    public void reload() {
        catalogue.reload();
    }

    /** A change pushed by the database: the tile shows it, and the basket follows a new price at once. */
    public void sweetChanged(SweetChange change) {
        catalogue.changed(change);
        if (!change.active()) {
            return;
        }
        basket.reprice(change.sku(), change.name(), change.price()).ifPresent(was -> {
            basketChanged();
            if (was.unitPrice().compareTo(change.price()) != 0) {
                notice.error("The price of " + change.name() + " is now " + Money.format(change.price()) + " (was "
                        + Money.format(was.unitPrice()) + "): the total is updated.");
            }
        });
    }

    public Optional<SweetView> sweet(String sku) {
        return catalogue.sweet(sku);
    }

    // ---- basket ----------------------------------------------------------------------------

    /** Adds one of this sweet to the basket. */
    public void add(String sku) {
        if (checkout.locked()) {
            return;
        }
        Optional<SweetView> found = sweet(sku);
        if (found.isEmpty()) {
            notice.error("There is no sweet with the code " + Texts.shorten(sku) + ".");
            return;
        }
        SweetView sweet = found.get();
        if (basket.quantityOf(sweet.sku()) + 1 > sweet.stock()) {
            notice.error(sweet.stock() == 0 ? sweet.name() + " is out of stock." : "Only " + sweet.stock() + " " + sweet.name() + " left.");
            return;
        }
        if (!basket.hasRoomFor(sweet.sku())) {
            notice.error("A basket holds at most " + SaleService.MAX_LINES + " different sweets.");
            return;
        }
        basket.addOne(sweet.sku(), sweet.name(), sweet.price());
        basketChanged();
        notice.info("Added " + sweet.name() + ".");
    }

    /** One more of a line already in the basket. */
    public void increment(String sku) {
        add(sku);
    }

    /** One fewer; the line goes when it reaches zero. */
    public void decrement(String sku) {
        if (!checkout.locked() && basket.takeOne(sku)) {
            basketChanged();
        }
    }

    public void remove(String sku) {
        if (!checkout.locked()) {
            basket.remove(sku).ifPresent(removed -> {
                basketChanged();
                notice.info("Removed " + removed.name() + ".");
            });
        }
    }

    /** Empties the basket, its coupon and promo; the next basket gets a new sale UUID. */
    public void clear() {
        if (checkout.paying()) {
            notice.error("Wait: the payment is on its way.");
        } else if (checkout.unconfirmed()) {
            // the unconfirmed payment may have been made: find out before the basket goes
            checkout.findOut(basket.saleId(), made -> {
                if (made.isPresent()) {
                    // Checkout settled it: the basket is sold and the till unlocked
                    notice.ok("The payment had gone through: sale " + made.get().receiptNo() + ". Nothing was charged twice.");
                } else {
                    emptyBasket();
                    notice.info("Basket cleared: the last payment had not gone through.");
                }
            });
        } else {
            emptyBasket();
            notice.info("Basket cleared.");
        }
    }

    private void emptyBasket() {
        basket.clear();
        checkout.forget();
        codes.newBasket();
        basketChanged();
    }

    /** Takes the coupon off the basket (not while a payment is on its way or unconfirmed). */
    public void detachCoupon() {
        if (!checkout.locked()) {
            basket.detachCoupon();
            basketChanged();
        }
    }

    public void detachPromo() {
        if (!checkout.locked()) {
            basket.detachPromo();
            basketChanged();
        }
    }

    /**
     * Whether this screen may be left (log out, close the shift, close the window): not with a
     * basket in it, a payment on its way or one not confirmed. Says why when not.
     */
    public boolean mayLeave() {
        if (checkout.paying() || checkout.unconfirmed()) {
            notice.error(checkout.paying() ? "Wait: the payment is on its way."
                    : "The last payment was not confirmed: press Try again, or Clear to drop this basket, first.");
            return false;
        }
        if (!basket.isEmpty()) {
            notice.error("Finish or clear the basket first.");
            return false;
        }
        return true;
    }

    /** True while the basket may change: no payment on its way or unconfirmed. */
    private boolean open() {
        return !checkout.paying() && !checkout.unconfirmed();
    }

    /** What the screen shows follows the basket. */
    private void basketChanged() {
        Lists.follow(items, basket.items());
        coupon.set(basket.coupon());
        promo.set(basket.promo());
        pricing.set(basket.pricing());
        discounts.setAll(basket.discountLines());
    }

    // ---- scanning and codes ----------------------------------------------------------------

    /**
     * Something a scanner gun, the camera, an image or the code field produced: a sweet's SKU
     * adds it, a coupon token is previewed and attached, a promo code is attached, anything else
     * is refused with a message.
     */
    public void scanned(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || checkout.locked()) {
            return;
        }
        if (sweet(value).isPresent()) {
            add(value);
        } else if (CouponTokens.looksLikeToken(value)) {
            codes.coupon(value);
        } else if (PromoService.looksLikeCode(value)) {
            codes.promo(value);
        } else {
            notice.error(CodeChecks.notRecognised(value));
        }
    }

    // ---- payment ---------------------------------------------------------------------------

    /** Cash: the tendered amount as typed; it must cover the total. */
    public void payCash(String tendered) {
        checkout.payCash(tendered);
    }

    public void payCard() {
        checkout.payCard();
    }

    /** Sends the unconfirmed payment again, with the same sale UUID. */
    public void retry() {
        checkout.retry();
    }

    private void sold(Receipt receipt) {
        codes.newBasket();
        basket.clear();
        basketChanged();
        lastReceipt.set(receipt);
        String change = receipt.change() == null ? "." : ": change " + Money.format(receipt.change()) + ".";
        notice.ok(OfflineSelling.offline(receipt)
                ? "Sale done OFFLINE" + change + " It is kept on this till and sent when the store database is back."
                : "Sale " + receipt.receiptNo() + " done" + change);
    }

    /** The last sale of this cashier at this till, for Reprint last on a new selling screen (not shown again). */
    public void restoreLastReceipt(Receipt receipt) {
        lastReceipt.set(receipt);
    }

    /** A message from around the screen (camera, image files), shown like the screen's own refusals. */
    public void notice(String text) {
        notice.error(text);
    }

    /** Good news from around the screen (a receipt saved). */
    public void inform(String text) {
        notice.ok(text);
    }

    // ---- properties ------------------------------------------------------------------------

    public String till() {
        return till;
    }

    public Caller cashier() {
        return cashier;
    }

    public ObservableList<SweetView> tiles() {
        return catalogue.filter().shown();
    }

    public ObservableList<String> categories() {
        return catalogue.filter().categories();
    }

    public StringProperty searchProperty() {
        return catalogue.filter().searchProperty();
    }

    public ObjectProperty<String> categoryProperty() {
        return catalogue.filter().categoryProperty();
    }

    public ObservableList<Basket.Item> basket() {
        return itemsView;
    }

    /** The coupon's and the promo's lines, in that order; changed with every change of the basket. */
    public ObservableList<Basket.DiscountLine> discounts() {
        return discountsView;
    }

    public ReadOnlyObjectProperty<CouponPreview> couponProperty() {
        return coupon.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PromoView> promoProperty() {
        return promo.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Pricing> pricingProperty() {
        return pricing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return notice.messageProperty();
    }

    public ReadOnlyObjectProperty<Notice.Tone> toneProperty() {
        return notice.toneProperty();
    }

    public ReadOnlyBooleanProperty payingProperty() {
        return checkout.payingProperty();
    }

    public ReadOnlyBooleanProperty retryableProperty() {
        return checkout.unconfirmedProperty();
    }

    /** True while the basket is fixed: a payment on its way or not confirmed. */
    public BooleanBinding lockedBinding() {
        return payingProperty().or(retryableProperty());
    }

    /** False after a call found the store database unreachable, true again after one got through. */
    public ReadOnlyBooleanProperty reachableProperty() {
        return checkout.reachableProperty();
    }

    public ReadOnlyObjectProperty<Receipt> lastReceiptProperty() {
        return lastReceipt.getReadOnlyProperty();
    }

    /** The sale UUID the current basket will be (or was) sent with; null for an empty basket. */
    public UUID saleId() {
        return basket.saleId();
    }
}
