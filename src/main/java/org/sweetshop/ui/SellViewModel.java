package org.sweetshop.ui;

import org.sweetshop.ui.common.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.OutOfStockException;
import org.sweetshop.catalog.SweetChange;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.BusyException;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.Refusal;
import org.sweetshop.common.Texts;
import org.sweetshop.coupon.CouponPreview;
import org.sweetshop.common.CouponRefusedException;
import org.sweetshop.coupon.CouponTokens;
import org.sweetshop.common.PromoRefusedException;
import org.sweetshop.promo.PromoService;
import org.sweetshop.promo.PromoView;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Pricing;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.SaleIds;
import org.sweetshop.sale.SaleService;
import org.sweetshop.staff.Caller;

/**
 * The selling screen's state: the catalogue grid (filtered by category and search), the basket
 * with its coupon and promo, live totals, and checkout. Service calls run on the background
 * executor, results come back on the UI executor; no {@code javafx.scene} class, so tests drive
 * it with same-thread executors.
 *
 * <p>A basket has one sale UUID from its first line until its sale is made: a checkout that
 * failed because the database was busy or unreachable is re-sent with the same UUID by
 * {@link #retry()}, and the core makes that sale at most once.
 */
public final class SellViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SellViewModel.class);

    /** The category filter's "everything" entry. */
    public static final String ALL = "All";

    /** A basket line as the till shows it. */
    public record Item(String sku, String name, BigDecimal unitPrice, int quantity) {
        public BigDecimal total() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(Money.SCALE);
        }

        Item withQuantity(int newQuantity) {
            return new Item(sku, name, unitPrice, newQuantity);
        }
    }

    /** A discount line under the basket: the coupon's or the promo's, with what it takes off. */
    public record DiscountLine(boolean coupon, String label, BigDecimal amount) {
    }

    /** How a message should look: information, a success, or a refusal. */
    public enum Tone { INFO, OK, ERROR }

    /** What the services this screen uses do; the app passes its services, tests may pass the same. */
    public interface Services {
        List<SweetView> catalogue();

        CouponPreview previewCoupon(String token);

        PromoView findPromo(String code);

        Receipt checkout(Caller cashier, CheckoutRequest request);

        /** The sale made under this UUID, if one was. */
        Optional<Receipt> findReceipt(UUID saleId);
    }

    private final Services services;
    private final String till;
    private final Caller cashier;
    private final Executor background;
    private final Executor ui;
    private final Supplier<UUID> saleIds;

    private final ObservableList<SweetView> catalogue = FXCollections.observableArrayList();
    private final FilteredList<SweetView> tiles = new FilteredList<>(catalogue, s -> true);
    private final ObservableList<String> categories = FXCollections.observableArrayList(ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> category = new SimpleObjectProperty<>(ALL);
    private final ObservableList<Item> basket = FXCollections.observableArrayList();
    private final ObservableList<DiscountLine> discounts = FXCollections.observableArrayList();
    // read-only views made once: a view made per call is held only weakly by its source, and a
    // listener added to it would stop hearing once it is collected
    private final ObservableList<Item> basketView = FXCollections.unmodifiableObservableList(basket);
    private final ObservableList<DiscountLine> discountsView = FXCollections.unmodifiableObservableList(discounts);
    private final ObservableList<SweetView> catalogueView = FXCollections.unmodifiableObservableList(catalogue);
    private final ReadOnlyObjectWrapper<CouponPreview> coupon = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PromoView> promo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Pricing> pricing = new ReadOnlyObjectWrapper<>(Pricing.of(List.of(), null, null));
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(Tone.INFO);
    private final ReadOnlyBooleanWrapper paying = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper retryable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Receipt> lastReceipt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper(true);
    private String couponToken;
    private UUID saleId;
    /** Bumped whenever the basket is started afresh: a code check answered for an older basket is dropped. */
    private int basketGeneration;
    /** Coupon or promo checks on their way: Pay waits for them. */
    private int checksPending;
    /** Changes pushed while a reload is on its way: applied again over the loaded snapshot. */
    private List<SweetChange> pushedDuringReload;
    private CheckoutRequest pending;

    public SellViewModel(Services services, String till, Caller cashier, Executor background, Executor ui, Supplier<UUID> saleIds) {
        this.services = Objects.requireNonNull(services);
        this.till = till;
        this.cashier = cashier;
        this.background = background;
        this.ui = ui;
        this.saleIds = saleIds;
        search.addListener((obs, old, now) -> refilter());
        category.addListener((obs, old, now) -> refilter());
    }

    /** The app's services behind this screen. */
    public static Services services(org.sweetshop.catalog.CatalogService catalog, org.sweetshop.coupon.CouponService coupons,
                                    PromoService promos, SaleService sales) {
        return new Services() {
            @Override
            public List<SweetView> catalogue() {
                return catalog.list().stream().filter(SweetView::active).toList();
            }

            @Override
            public CouponPreview previewCoupon(String token) {
                return coupons.preview(token);
            }

            @Override
            public PromoView findPromo(String code) {
                return promos.find(code);
            }

            @Override
            public Receipt checkout(Caller caller, CheckoutRequest request) {
                return sales.checkout(caller, request);
            }

            @Override
            public Optional<Receipt> findReceipt(UUID saleId) {
                return sales.findReceipt(saleId);
            }
        };
    }

    public static SellViewModel of(org.sweetshop.AppContext context, String till, Caller cashier, Executor background, Executor ui) {
        return new SellViewModel(services(context.catalog(), context.coupons(), context.promos(), context.sales()), till, cashier,
                background, ui, SaleIds::next);
    }

    // ---- catalogue -------------------------------------------------------------------------

    /** Loads the whole catalogue again (at start, and after the live feed reconnects). */
    public void reload() {
        if (pushedDuringReload == null) {
            pushedDuringReload = new ArrayList<>();
        }
        background.execute(() -> {
            try {
                List<SweetView> loaded = services.catalogue();
                ui.execute(() -> showCatalogue(loaded));
            } catch (RuntimeException e) {
                ui.execute(() -> fail("The catalogue could not be loaded", e));
            }
        });
    }

    /** Shows this catalogue (active sweets). */
    public void showCatalogue(List<SweetView> sweets) {
        catalogue.setAll(sweets.stream().filter(SweetView::active).toList());
        List<SweetChange> replay = pushedDuringReload;
        pushedDuringReload = null;
        if (replay != null) {
            // pushed after the snapshot may have been read: newer than it, so applied over it
            replay.forEach(this::applyChange);
        }
        List<String> names = new ArrayList<>();
        names.add(ALL);
        catalogue.stream().map(SweetView::category).distinct().sorted(String.CASE_INSENSITIVE_ORDER).forEach(names::add);
        categories.setAll(names);
        if (!categories.contains(category.get())) {
            category.set(ALL);
        }
        refilter();
    }

    /**
     * A change pushed by the database (another till sold, the back office restocked or renamed):
     * the tile shows it at once. A sweet this till has not seen means the catalogue grew: it is
     * loaded again.
     */
    public void sweetChanged(SweetChange change) {
        if (pushedDuringReload != null) {
            pushedDuringReload.add(change);
        }
        applyChange(change);
        repriceBasket(change);
    }

    private void applyChange(SweetChange change) {
        for (int i = 0; i < catalogue.size(); i++) {
            SweetView old = catalogue.get(i);
            if (old.id() == change.id()) {
                if (!change.active()) {
                    catalogue.remove(i);
                } else {
                    catalogue.set(i, new SweetView(change.id(), change.sku(), change.name(), change.category(), change.price(),
                            change.stock(), old.reorderLevel(), true));
                    if (!categories.contains(change.category())) {
                        showCatalogue(List.copyOf(catalogue));
                    }
                }
                return;
            }
        }
        if (change.active() && pushedDuringReload == null) {
            reload();
        }
    }

    /** The basket follows a new price at once: what it shows is what checkout will charge. */
    private void repriceBasket(SweetChange change) {
        int index = indexOf(change.sku());
        if (index < 0 || !change.active()) {
            return;
        }
        Item item = basket.get(index);
        if (item.unitPrice().compareTo(change.price()) != 0 || !item.name().equals(change.name())) {
            basket.set(index, new Item(change.sku(), change.name(), change.price(), item.quantity()));
            basketChanged();
            if (item.unitPrice().compareTo(change.price()) != 0) {
                say(Tone.ERROR, "The price of " + change.name() + " is now " + Money.format(change.price()) + " (was "
                        + Money.format(item.unitPrice()) + "): the total is updated.");
            }
        }
    }

    private void refilter() {
        String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        String chosen = category.get();
        tiles.setPredicate(sweet -> (chosen == null || ALL.equals(chosen) || sweet.category().equals(chosen))
                && (text.isEmpty() || sweet.name().toLowerCase(Locale.ROOT).contains(text)
                || sweet.sku().toLowerCase(Locale.ROOT).contains(text)));
    }

    public Optional<SweetView> sweet(String sku) {
        return catalogue.stream().filter(s -> s.sku().equalsIgnoreCase(sku)).findFirst();
    }

    // ---- basket ----------------------------------------------------------------------------

    /** Adds one of this sweet to the basket. */
    public void add(String sku) {
        if (locked()) {
            return;
        }
        Optional<SweetView> found = sweet(sku);
        if (found.isEmpty()) {
            say(Tone.ERROR, "There is no sweet with the code " + Texts.shorten(sku) + ".");
            return;
        }
        SweetView sweet = found.get();
        int index = indexOf(sweet.sku());
        int wanted = (index < 0 ? 0 : basket.get(index).quantity()) + 1;
        if (wanted > sweet.stock()) {
            say(Tone.ERROR, sweet.stock() == 0 ? sweet.name() + " is out of stock."
                    : "Only " + sweet.stock() + " " + sweet.name() + " left.");
            return;
        }
        if (index < 0) {
            if (basket.size() >= SaleService.MAX_LINES) {
                say(Tone.ERROR, "A basket holds at most " + SaleService.MAX_LINES + " different sweets.");
                return;
            }
            basket.add(new Item(sweet.sku(), sweet.name(), sweet.price(), 1));
        } else {
            basket.set(index, basket.get(index).withQuantity(wanted));
        }
        basketChanged();
        say(Tone.INFO, "Added " + sweet.name() + ".");
    }

    /** One more of a line already in the basket. */
    public void increment(String sku) {
        add(sku);
    }

    /** One fewer; the line goes when it reaches zero. */
    public void decrement(String sku) {
        if (locked()) {
            return;
        }
        int index = indexOf(sku);
        if (index < 0) {
            return;
        }
        Item item = basket.get(index);
        if (item.quantity() <= 1) {
            basket.remove(index);
        } else {
            basket.set(index, item.withQuantity(item.quantity() - 1));
        }
        basketChanged();
    }

    public void remove(String sku) {
        if (locked()) {
            return;
        }
        int index = indexOf(sku);
        if (index >= 0) {
            Item removed = basket.remove(index);
            basketChanged();
            say(Tone.INFO, "Removed " + removed.name() + ".");
        }
    }

    /** Empties the basket, its coupon and promo; the next basket gets a new sale UUID. */
    public void clear() {
        if (paying.get()) {
            say(Tone.ERROR, "Wait: the payment is on its way.");
            return;
        }
        if (retryable.get()) {
            // the unconfirmed payment may have been made: find out before the basket goes
            UUID unconfirmed = saleId;
            paying.set(true);
            say(Tone.INFO, "Checking whether the last payment went through…");
            background.execute(() -> {
                try {
                    Optional<Receipt> made = services.findReceipt(unconfirmed);
                    ui.execute(() -> {
                        paying.set(false);
                        if (made.isPresent()) {
                            paid(made.get());
                            say(Tone.OK, "The payment had gone through: sale " + made.get().receiptNo() + ". Nothing was charged twice.");
                        } else {
                            emptyBasket();
                            say(Tone.INFO, "Basket cleared: the last payment had not gone through.");
                        }
                    });
                } catch (RuntimeException e) {
                    ui.execute(() -> {
                        paying.set(false);
                        fail("Cannot tell yet whether the last payment went through; the basket is kept", e);
                    });
                }
            });
            return;
        }
        emptyBasket();
        say(Tone.INFO, "Basket cleared.");
    }

    private void emptyBasket() {
        basket.clear();
        couponToken = null;
        coupon.set(null);
        promo.set(null);
        saleId = null;
        pending = null;
        retryable.set(false);
        basketGeneration++;
        basketChanged();
    }

    /** Takes the coupon off the basket (not while a payment is on its way or unconfirmed). */
    public void detachCoupon() {
        if (!locked()) {
            dropCoupon();
        }
    }

    public void detachPromo() {
        if (!locked()) {
            promo.set(null);
            basketChanged();
        }
    }

    private void dropCoupon() {
        couponToken = null;
        coupon.set(null);
        basketChanged();
    }

    /**
     * Whether this screen may be left (log out, close the shift, close the window): not with a
     * basket in it, a payment on its way or one not confirmed. Says why when not.
     */
    public boolean mayLeave() {
        if (paying.get() || retryable.get()) {
            say(Tone.ERROR, paying.get() ? "Wait: the payment is on its way."
                    : "The last payment was not confirmed: press Try again, or Clear to drop this basket, first.");
            return false;
        }
        if (!basket.isEmpty()) {
            say(Tone.ERROR, "Finish or clear the basket first.");
            return false;
        }
        return true;
    }

    /** True while the basket is fixed: a payment on its way or not confirmed. */
    public javafx.beans.binding.BooleanBinding lockedBinding() {
        return paying.or(retryable);
    }

    /**
     * While a payment is on its way, or its outcome is unknown, the basket stays as it was sent:
     * Try again re-sends exactly that basket. Clear drops it.
     */
    private boolean locked() {
        if (paying.get()) {
            say(Tone.ERROR, "Wait: the payment is on its way.");
            return true;
        }
        if (retryable.get()) {
            say(Tone.ERROR, "The last payment was not confirmed: press Try again, or Clear to drop this basket.");
            return true;
        }
        return false;
    }

    private int indexOf(String sku) {
        for (int i = 0; i < basket.size(); i++) {
            if (basket.get(i).sku().equalsIgnoreCase(sku)) {
                return i;
            }
        }
        return -1;
    }

    private void basketChanged() {
        if (!basket.isEmpty() && saleId == null) {
            saleId = saleIds.get();
        }
        Discount couponDiscount = coupon.get() == null ? null : coupon.get().discount();
        Discount promoDiscount = promo.get() == null ? null : promo.get().discount();
        Pricing priced = Pricing.of(basket.stream().map(i -> new Pricing.Line(i.unitPrice(), i.quantity())).toList(),
                couponDiscount, promoDiscount);
        pricing.set(priced);
        List<DiscountLine> lines = new ArrayList<>();
        if (coupon.get() != null) {
            lines.add(new DiscountLine(true, "Coupon …" + coupon.get().hint() + " (" + coupon.get().discount().describe() + ")",
                    priced.couponDiscount()));
        }
        if (promo.get() != null) {
            lines.add(new DiscountLine(false, "Promo " + describe(promo.get()), priced.promoDiscount()));
        }
        discounts.setAll(lines);
    }

    // ---- scanning and codes ----------------------------------------------------------------

    /**
     * Something a scanner gun, the camera, an image or the code field produced: a sweet's SKU
     * adds it, a coupon token is previewed and attached, a promo code is attached, anything else
     * is refused with a message.
     */
    public void scanned(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return;
        }
        if (locked()) {
            return;
        }
        if (sweet(value).isPresent()) {
            add(value);
        } else if (CouponTokens.looksLikeToken(value)) {
            attachCoupon(value);
        } else if (PromoService.looksLikeCode(value)) {
            attachPromo(value);
        } else {
            notRecognised(value);
        }
    }

    private void notRecognised(String value) {
        say(Tone.ERROR, "Not recognised: " + Texts.shorten(value) + " is not a sweet, a coupon or a promo code.");
    }

    private void attachCoupon(String token) {
        say(Tone.INFO, "Checking the coupon…");
        int generation = basketGeneration;
        checksPending++;
        background.execute(() -> {
            try {
                CouponPreview preview = services.previewCoupon(token);
                ui.execute(() -> {
                    if (!checked(generation)) {
                        return;
                    }
                    if (preview.usable()) {
                        couponToken = token;
                        coupon.set(preview);
                        basketChanged();
                        say(Tone.OK, "Coupon " + preview.message() + ".");
                    } else {
                        say(Tone.ERROR, "Coupon refused: " + preview.message() + ".");
                    }
                });
            } catch (CouponRefusedException e) {
                ui.execute(() -> {
                    if (checked(generation)) {
                        say(Tone.ERROR, "Coupon refused: " + e.getMessage() + ".");
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (checked(generation)) {
                        fail("The coupon could not be checked", e);
                    }
                });
            }
        });
    }

    private void attachPromo(String code) {
        int generation = basketGeneration;
        checksPending++;
        background.execute(() -> {
            try {
                PromoView found = services.findPromo(code);
                ui.execute(() -> {
                    if (!checked(generation)) {
                        return;
                    }
                    if (!found.active()) {
                        say(Tone.ERROR, "Promo " + found.code() + " is no longer active.");
                    } else if (found.remaining() != null && found.remaining() <= 0) {
                        say(Tone.ERROR, "Promo " + found.code() + " has been used up (" + found.uses() + " of " + found.maxUses() + ").");
                    } else {
                        promo.set(found);
                        basketChanged();
                        say(Tone.OK, "Promo " + describe(found) + ".");
                    }
                });
            } catch (NotFoundException e) {
                ui.execute(() -> {
                    if (checked(generation)) {
                        notRecognised(code);
                    }
                });
            } catch (PromoRefusedException e) {
                ui.execute(() -> {
                    if (!checked(generation)) {
                        return;
                    }
                    if (e.reason() == PromoRefusedException.Reason.UNKNOWN) {
                        notRecognised(code);
                    } else {
                        say(Tone.ERROR, "Promo refused: " + e.getMessage() + ".");
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    if (checked(generation)) {
                        fail("The promo code could not be checked", e);
                    }
                });
            }
        });
    }

    /**
     * A code check came back: true when its answer is for this basket, still open to changes
     * (not paid, cleared, paying or unconfirmed since it was asked).
     */
    private boolean checked(int generation) {
        checksPending--;
        return generation == basketGeneration && !paying.get() && !retryable.get();
    }

    /** "WELCOME10: 10% off, 37 uses left". */
    public static String describe(PromoView promo) {
        String uses = promo.remaining() == null ? "unlimited uses"
                : promo.remaining() == 1 ? "1 use left" : promo.remaining() + " uses left";
        return promo.code() + ": " + promo.discount().describe() + ", " + uses;
    }

    // ---- payment ---------------------------------------------------------------------------

    /** Cash: the tendered amount as typed; it must cover the total. */
    public void payCash(String tendered) {
        BigDecimal amount;
        try {
            amount = Money.parse("cash tendered", tendered);
        } catch (InvalidInputException e) {
            say(Tone.ERROR, Messages.sentence(e.getMessage()));
            return;
        }
        if (amount.compareTo(pricing.get().total()) < 0) {
            say(Tone.ERROR, "Cash tendered " + Money.format(amount) + " is less than the total " + Money.format(pricing.get().total()) + ".");
            return;
        }
        pay(Payment.cash(amount));
    }

    public void payCard() {
        pay(Payment.card());
    }

    private void pay(Payment payment) {
        if (paying.get()) {
            return;
        }
        if (basket.isEmpty()) {
            say(Tone.ERROR, "The basket is empty.");
            return;
        }
        if (checksPending > 0) {
            say(Tone.ERROR, "Wait a moment: a coupon or promo code is still being checked.");
            return;
        }
        if (retryable.get()) {
            say(Tone.ERROR, "The last payment was not confirmed: press Try again, or Clear to drop this basket.");
            return;
        }
        List<BasketLine> lines = basket.stream().map(i -> new BasketLine(i.sku(), i.quantity())).toList();
        send(new CheckoutRequest(saleId, till, lines, couponToken, promo.get() == null ? null : promo.get().code(), payment));
    }

    /** Sends the failed payment again, with the same sale UUID. */
    public void retry() {
        if (pending != null && !paying.get()) {
            send(pending);
        }
    }

    private void send(CheckoutRequest request) {
        pending = request;
        paying.set(true);
        retryable.set(false);
        say(Tone.INFO, "Paying…");
        background.execute(() -> {
            try {
                Receipt receipt = services.checkout(cashier, request);
                ui.execute(() -> paid(receipt));
            } catch (BusyException | DatabaseUnreachableException e) {
                LOG.warn("checkout {} not confirmed: {}", request.saleId(), e.getMessage());
                ui.execute(() -> notConfirmed(e));
            } catch (Refusal e) {
                ui.execute(() -> refused(e));
            } catch (RuntimeException e) {
                LOG.error("checkout {} failed", request.saleId(), e);
                ui.execute(() -> notConfirmed(e));
            }
        });
    }

    private void paid(Receipt receipt) {
        reachable.set(true);
        basketGeneration++;
        paying.set(false);
        retryable.set(false);
        pending = null;
        basket.clear();
        couponToken = null;
        coupon.set(null);
        promo.set(null);
        saleId = null;
        basketChanged();
        lastReceipt.set(receipt);
        say(Tone.OK, "Sale " + receipt.receiptNo() + " done" + (receipt.change() == null ? "." : ": change " + Money.format(receipt.change()) + "."));
    }

    private void notConfirmed(RuntimeException e) {
        if (e instanceof DatabaseUnreachableException) {
            reachable.set(false);
        }
        paying.set(false);
        retryable.set(true);
        String why = e instanceof BusyException busy ? Messages.databaseBusy(busy)
                : e instanceof DatabaseUnreachableException ? "The store database cannot be reached."
                : "The payment could not be confirmed (the error is in the log).";
        say(Tone.ERROR, why + " The basket is kept: press Try again (no sale is made twice).");
    }

    private void refused(Refusal e) {
        paying.set(false);
        pending = null;
        if (e instanceof CouponRefusedException) {
            dropCoupon();
            say(Tone.ERROR, "Coupon refused: " + e.getMessage() + ". It was taken off the basket.");
        } else if (e instanceof PromoRefusedException) {
            promo.set(null);
            basketChanged();
            say(Tone.ERROR, "Promo refused: " + e.getMessage() + ". It was taken off the basket.");
        } else if (e instanceof OutOfStockException) {
            say(Tone.ERROR, Messages.sentence(e.getMessage()));
            reload();
        } else {
            say(Tone.ERROR, Messages.sentence(e.getMessage()));
        }
    }

    private void fail(String what, RuntimeException e) {
        LOG.warn("{}", what, e);
        String why = e instanceof Refusal || e instanceof BusyException ? e.getMessage()
                : e instanceof DatabaseUnreachableException ? "the store database cannot be reached"
                : "an unexpected error (it is in the log)";
        say(Tone.ERROR, what + ": " + why + ".");
    }

    /** The last sale of this cashier at this till, for Reprint last on a new selling screen (not shown again). */
    public void restoreLastReceipt(Receipt receipt) {
        lastReceipt.set(receipt);
    }

    /** A message from around the screen (camera, image files), shown like the screen's own refusals. */
    public void notice(String text) {
        say(Tone.ERROR, text);
    }

    /** Good news from around the screen (a receipt saved). */
    public void inform(String text) {
        say(Tone.OK, text);
    }

    private void say(Tone newTone, String text) {
        tone.set(newTone);
        message.set(text);
    }


    // ---- properties ------------------------------------------------------------------------

    public String till() {
        return till;
    }

    public Caller cashier() {
        return cashier;
    }

    public ObservableList<SweetView> tiles() {
        return tiles;
    }

    public ObservableList<SweetView> catalogue() {
        return catalogueView;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> categoryProperty() {
        return category;
    }

    public ObservableList<Item> basket() {
        return basketView;
    }

    /** The coupon's and the promo's lines, in that order; changed with every change of the basket. */
    public ObservableList<DiscountLine> discounts() {
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
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty payingProperty() {
        return paying.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty retryableProperty() {
        return retryable.getReadOnlyProperty();
    }

    /** False after a call found the store database unreachable, true again after one got through. */
    public ReadOnlyBooleanProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Receipt> lastReceiptProperty() {
        return lastReceipt.getReadOnlyProperty();
    }

    /** The sale UUID the current basket will be (or was) sent with; null for an empty basket. */
    public UUID saleId() {
        return saleId;
    }
}
