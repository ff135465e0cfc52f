package org.sweetshop.ui.till.sell;

import java.math.BigDecimal;
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
import org.sweetshop.coupon.CouponPreview;
import org.sweetshop.coupon.CouponTokens;
import org.sweetshop.promo.PromoService;
import org.sweetshop.promo.PromoView;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Pricing;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.BackgroundTask;

/**
 * The selling screen's state: the live catalogue's tiles (filtered by category and search), the
 * {@link Basket} with its coupon and promo ({@link CodeChecks}), live totals, and the
 * {@link Checkout}. No {@code javafx.scene} class: tests drive it with {@link TaskExecutor#sameThread()}.
 */
public final class SellViewModel {

    private final String till;
    /** Who sells: the cashier logged in, or whoever unlocked the till since ({@link #handOver}). */
    private final ReadOnlyObjectWrapper<Caller> cashier = new ReadOnlyObjectWrapper<>();
    private final Notice notice = new Notice();
    private final Basket basket;
    private final LiveCatalogue catalogue;
    private final CodeChecks codes;
    private final Checkout checkout;
    private final SellSettings settings;
    private final Adding adding;
    private final Weighing weighing;
    private final CodeLookup lookup;
    private final BasketEdits edits;
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
    private final ReadOnlyObjectWrapper<BigDecimal> taxAdded = new ReadOnlyObjectWrapper<>(Money.ZERO);
    private final SellServices services;
    private final TaskExecutor tasks;
    private TaxPreview taxes = new TaxPreview(java.util.Map.of());

    /** A till without a scale (weights typed on the keypad), prices of weighed sweets per 100 g. */
    public SellViewModel(SellServices services, String till, Caller cashier, TaskExecutor tasks, Supplier<UUID> saleIds) {
        this(services, till, cashier, tasks, saleIds, SellSettings.DEFAULT);
    }

    /** @param settings the till's scale and how prices of weighed sweets are shown */
    public SellViewModel(SellServices services, String till, Caller cashier, TaskExecutor tasks, Supplier<UUID> saleIds,
                         SellSettings settings) {
        this.till = till;
        this.cashier.set(cashier);
        this.settings = settings;
        this.basket = new Basket(saleIds);
        this.adding = new Adding(basket, notice, this::basketChanged);
        this.services = services;
        this.tasks = tasks;
        this.catalogue = new LiveCatalogue(services::catalogue, tasks, notice);
        this.codes = new CodeChecks(services, tasks, notice, basket, this::open, this::basketChanged);
        this.weighing = new Weighing(settings.scale(), tasks, notice, this::open, adding::weighed);
        this.edits = new BasketEdits(basket, notice, this::sweet, adding, weighing, this::locked, this::basketChanged);
        this.lookup = new CodeLookup(services, tasks, notice, this::open, item -> adding.add(item.sweet(), item.quantity()), codes);
        this.checkout = new Checkout(services, new Checkout.Sale(till, this.cashier::get, basket, this::waitingFor, settings.cashRounding(),
                this::toPay), tasks, notice,
                this::basketChanged, this::reload, this::sold);
    }

    // ---- catalogue -------------------------------------------------------------------------

    /** Loads the whole catalogue again (at start, and after the live feed reconnects). */
    public void reload() {
        catalogue.reload();
        if (!settings.pricesIncludeTax()) {
            // prices exclude tax: the rates, to show the tax checkout will add at the total
            BackgroundTask.of(services::taxRates)
                    .onSuccess(rates -> {
                        taxes = TaxPreview.of(rates);
                        basketChanged();
                    })
                    .onFailure(e -> notice.error("The tax rates could not be read: the total shown leaves out the tax added at"
                            + " checkout (" + Messages.reason(e) + ")."))
                    .executeWith(tasks);
        }
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

    /** Adds one of this sweet to the basket; a weighed sweet is weighed (the scale, or the keypad) and its grams added. */
    public void add(String sku) {
        edits.add(sku);
    }

    /** One more of a line already in the basket (another weighing of a weighed sweet). */
    public void increment(String sku) {
        edits.add(sku);
    }

    /** One fewer; the line goes when it reaches zero. A weighed line is re-weighed or removed instead. */
    public void decrement(String sku) {
        edits.decrement(sku);
    }

    /** Weighs a weighed line again: its new weight replaces the old one. */
    public void reweigh(String sku) {
        edits.reweigh(sku);
    }

    /** Tares the till's scale with what is on it now (an empty jar or bag). */
    public void tare() {
        weighing.tare();
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
        newBasket();
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

    private boolean locked() {
        return checkout.locked();
    }

    /** True while the basket may change: no payment on its way or unconfirmed, none of it paid. */
    private boolean open() {
        return !checkout.paying() && !checkout.unconfirmed() && checkout.taken().isEmpty();
    }

    private void newBasket() {
        codes.newBasket();
        weighing.newBasket();
        lookup.newBasket();
    }

    /** What Pay waits for, if anything: a code being checked or looked up, the scale being read. */
    private String waitingFor() {
        return codes.pending() ? "a coupon or promo code is still being checked"
                : lookup.pending() ? "a scanned barcode is still being looked up"
                : weighing.busy() ? "the scale is still being read" : null;
    }

    /** What the screen shows follows the basket. */
    private void basketChanged() {
        Lists.follow(items, basket.items());
        coupon.set(basket.coupon());
        promo.set(basket.promo());
        taxAdded.set(settings.pricesIncludeTax() ? Money.ZERO : taxes.added(basket, this::sweet));
        pricing.set(basket.pricing());
        discounts.setAll(basket.discountLines());
    }

    // ---- scanning and codes ----------------------------------------------------------------

    /**
     * Something a scanner gun, the camera, an image or the code field produced: a sweet's SKU
     * adds it, a product barcode or scale label (8, 12 or 13 digits) adds what it stands for
     * ({@link CodeLookup}), a coupon token is previewed and attached, a promo code is attached,
     * anything else is refused with a message.
     */
    public void scanned(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || checkout.locked()) {
            return;
        }
        if (sweet(value).isPresent()) {
            add(value);
        } else if (CodeLookup.looksLikeCode(value)) {
            lookup.lookUp(value);
        } else if (CouponTokens.looksLikeToken(value)) {
            codes.coupon(value);
        } else if (PromoService.looksLikeCode(value)) {
            codes.promo(value);
        } else {
            notice.error(CodeChecks.notRecognised(value));
        }
    }

    // ---- payment ---------------------------------------------------------------------------

    /** Cash, the amount as typed: covering what is left it makes the sale, less is taken as a part. */
    public void payCash(String tendered) {
        checkout.payCash(tendered);
    }

    /** A card for the rest. */
    public void payCard() {
        checkout.payCard(null);
    }

    /** A card for the amount typed (a part of the sale), or for the rest when nothing is typed. */
    public void payCard(String amount) {
        checkout.payCard(amount);
    }

    /** Drops the payments taken so far for this basket. */
    public void undoPayments() {
        checkout.undoPayments();
    }

    /** The payments taken for this basket, not yet sent (split tender). */
    public ObservableList<Payment> paymentsTaken() {
        return checkout.taken();
    }

    /** The tax added at the total (the store's prices exclude tax), else 0.00; it changes before {@link #pricingProperty()}. */
    public ReadOnlyObjectProperty<BigDecimal> taxAddedProperty() {
        return taxAdded.getReadOnlyProperty();
    }

    /** What the basket comes to: its total after discounts, with any tax added at the total. */
    public BigDecimal toPay() {
        return pricing.get().total().add(taxAdded.get());
    }

    /** True when the store's prices exclude tax: the screen shows the tax added. */
    public boolean taxAddedAtTotal() {
        return !settings.pricesIncludeTax();
    }

    /** What is left to pay after the payments taken. */
    public BigDecimal leftToPay() {
        return checkout.left();
    }

    /** What is left to pay in cash, with the store's cash rounding. */
    public BigDecimal cashDue() {
        return checkout.cashDue();
    }

    /** Sends the unconfirmed payment again, with the same sale UUID. */
    public void retry() {
        checkout.retry();
    }

    private void sold(Receipt receipt) {
        newBasket();
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

    /** The scale and the keypad, for the view. */
    Weighing weighing() {
        return weighing;
    }

    /** True when prices of weighed sweets are shown per 100 g, false per kg. */
    public boolean pricePer100g() {
        return settings.pricePer100g();
    }

    public Caller cashier() {
        return cashier.get();
    }

    public ReadOnlyObjectProperty<Caller> cashierProperty() {
        return cashier.getReadOnlyProperty();
    }

    /**
     * Another member of staff sells from now on (the till was locked and they unlocked it with
     * their PIN): the basket stays as it is, and its sale, when it is paid, is theirs.
     */
    public void handOver(Caller next) {
        cashier.set(java.util.Objects.requireNonNull(next, "next"));
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
