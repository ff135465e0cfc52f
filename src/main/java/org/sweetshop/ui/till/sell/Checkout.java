package org.sweetshop.ui.till.sell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.BusyException;
import org.sweetshop.common.CouponRefusedException;
import org.sweetshop.common.OfflineRefusedException;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.OutOfStockException;
import org.sweetshop.common.PromoRefusedException;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.common.Refusal;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.PaymentMethod;
import org.sweetshop.sale.Tender;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * A basket's way to its sale: paying while the checkout is on its way; unconfirmed when its
 * outcome is unknown (busy, unreachable, anything unexpected), when the same request, same sale
 * UUID, can be sent again and the core makes that sale at most once; refused when the core said
 * no (no sale was made). Whether the database answered at all shows in {@link #reachableProperty()}.
 */
final class Checkout {

    private static final Logger LOG = LoggerFactory.getLogger(Checkout.class);

    /**
     * Whose sale (the till's cashier when it is sent: another may have unlocked the till since the
     * basket began), of which basket, at which till; {@code waitingFor} says what is still on its
     * way to the basket ("a coupon or promo code is still being checked", a weighing, a scanned
     * code), null when nothing is; {@code cashRounding} is the store's, and {@code toPay} what the
     * basket comes to with any tax added at the total.
     */
    record Sale(String till, Supplier<Caller> cashier, Basket basket, Supplier<String> waitingFor, BigDecimal cashRounding,
                Supplier<BigDecimal> toPay) {
    }

    private final SellServices services;
    private final Sale sale;
    private final Supplier<Caller> cashier;
    private final TaskExecutor tasks;
    private final Notice notice;
    private final Basket basket;
    private final Runnable basketChanged;
    private final Runnable reload;
    private final Consumer<Receipt> sold;
    private final ReadOnlyBooleanWrapper paying = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper unconfirmed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper(true);
    private final ObservableList<Payment> taken = FXCollections.observableArrayList();
    private final ObservableList<Payment> takenView = FXCollections.unmodifiableObservableList(taken);
    private CheckoutRequest pending;

    /**
     * @param basketChanged after a refused coupon or promo came off the basket
     * @param reload        after the stock was found to have changed
     * @param sold          with the receipt of the sale made
     */
    Checkout(SellServices services, Sale sale, TaskExecutor tasks, Notice notice, Runnable basketChanged, Runnable reload,
             Consumer<Receipt> sold) {
        this.services = services;
        this.sale = sale;
        this.cashier = sale.cashier();
        this.tasks = tasks;
        this.notice = notice;
        this.basket = sale.basket();
        this.basketChanged = basketChanged;
        this.reload = reload;
        this.sold = sold;
    }

    /**
     * Cash, the amount as typed. Covering what is left to pay (with the store's cash rounding) it
     * makes the sale, the rest being change; less, it is taken as part of the payment (split tender,
     * {@link org.sweetshop.sale.Tender}) and a card pays the rest.
     */
    void payCash(String tendered) {
        BigDecimal amount = parse("cash tendered", tendered);
        if (amount == null || !mayPay()) {
            return;
        }
        if (taken.stream().anyMatch(p -> p.method() == PaymentMethod.CASH)) {
            notice.error("Cash is taken already: pay the rest by card, or Undo payments.");
            return;
        }
        BigDecimal due = cashDue();
        if (amount.compareTo(due) >= 0) {
            send(Payment.cash(amount));
        } else if (amount.signum() > 0) {
            take(Payment.cash(amount));
        } else {
            notice.error("Cash tendered must be more than 0.00.");
        }
    }

    /**
     * Card. Nothing typed, or what is left typed: the card pays the rest and the sale is made. An
     * amount below that is taken as a card part (several cards may share a sale); more is refused.
     */
    void payCard(String typed) {
        if (!mayPay()) {
            return;
        }
        if (typed == null || typed.isBlank()) {
            send(Payment.card());
            return;
        }
        BigDecimal amount = parse("card amount", typed);
        if (amount == null) {
            return;
        }
        BigDecimal left = left();
        if (amount.compareTo(left) > 0) {
            notice.error("A card part of " + Money.format(amount) + " is more than the " + Money.format(left) + " left to pay.");
        } else if (amount.compareTo(left) == 0) {
            send(Payment.card());
        } else if (amount.signum() > 0) {
            take(Payment.card(amount));
        } else {
            notice.error("A card part must be more than 0.00: leave the amount empty to pay the rest by card.");
        }
    }

    /** Drops the payments taken so far (nothing was sent: no card was charged through the till). */
    void undoPayments() {
        if (paying.get() || unconfirmed.get() || taken.isEmpty()) {
            return;
        }
        taken.clear();
        notice.info("Payments undone: " + Money.format(sale.toPay().get()) + " to pay.");
    }

    /** What is left to pay after the payments taken so far. */
    BigDecimal left() {
        BigDecimal paid = taken.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sale.toPay().get().subtract(paid).setScale(Money.SCALE);
    }

    /** What is left to pay, in cash: with the store's cash rounding. */
    BigDecimal cashDue() {
        return Tender.roundCash(left(), sale.cashRounding());
    }

    /** The payments taken for this basket, not yet sent. */
    ObservableList<Payment> taken() {
        return takenView;
    }

    private void take(Payment part) {
        taken.add(part);
        notice.info((part.method() == PaymentMethod.CASH ? "Cash " : "Card ") + Money.format(part.amount()) + " taken: "
                + Money.format(left()) + " left to pay.");
    }

    private BigDecimal parse(String field, String typed) {
        try {
            return Money.parse(field, typed);
        } catch (InvalidInputException e) {
            notice.error(Messages.of(e));
            return null;
        }
    }

    private boolean mayPay() {
        if (paying.get()) {
            return false;
        }
        if (basket.isEmpty()) {
            notice.error("The basket is empty.");
            return false;
        }
        if (sale.waitingFor().get() != null) {
            notice.error("Wait a moment: " + sale.waitingFor().get() + ".");
            return false;
        }
        return !sending();
    }

    /** Sends the basket with the payments taken and this last one. */
    private void send(Payment last) {
        List<Payment> payments = new ArrayList<>(taken);
        payments.add(last);
        send(basket.request(sale.till(), payments));
    }

    private void send(CheckoutRequest request) {
        pending = request;
        paying.set(true);
        unconfirmed.set(false);
        notice.info("Paying…");
        Caller who = cashier.get();   // read here, on the UI thread: the sale is whoever sends it
        BackgroundTask.of(() -> services.checkout(who, request))
                .onSuccess(this::paid)
                .onFailure(e -> {
                    if (e instanceof Refusal refusal) {
                        paying.set(false);
                        pending = null;
                        refused(refusal);
                    } else {
                        notConfirmed(request, e);
                    }
                })
                .executeWith(tasks);
    }

    /** Sends the unconfirmed payment again, with the same sale UUID. */
    void retry() {
        if (pending != null && !paying.get()) {
            send(pending);
        }
    }

    /**
     * Before an unconfirmed basket goes: was its sale made after all? If it was, the payment is
     * settled as if its answer had come (the till unlocked, the sale shown); {@code then} hears
     * the answer.
     */
    void findOut(UUID saleId, Consumer<Optional<Receipt>> then) {
        paying.set(true);
        notice.info("Checking whether the last payment went through…");
        BackgroundTask.of(() -> services.findReceipt(saleId))
                .onSuccess(made -> {
                    paying.set(false);
                    made.ifPresent(this::paid);
                    then.accept(made);
                })
                .onFailure(e -> {
                    paying.set(false);
                    notice.error("Cannot tell yet whether the last payment went through; the basket is kept: " + Messages.reason(e) + ".");
                })
                .executeWith(tasks);
    }

    /** The unconfirmed payment is dropped with its basket (it was not made), and any payments taken. */
    void forget() {
        pending = null;
        taken.clear();
        unconfirmed.set(false);
    }

    private void paid(Receipt receipt) {
        reachable.set(true);
        paying.set(false);
        unconfirmed.set(false);
        pending = null;
        taken.clear();
        sold.accept(receipt);
    }

    /** No sale was made: a refused coupon or promo comes off the basket, an out-of-stock sweet reloads the tiles. */
    private void refused(Refusal refusal) {
        if (refusal instanceof CouponRefusedException
                || refusal instanceof OfflineRefusedException offline && offline.what().equals("coupon")) {
            basket.detachCoupon();
            basketChanged.run();
        } else if (refusal instanceof PromoRefusedException || refusal instanceof OfflineRefusedException) {
            basket.detachPromo();
            basketChanged.run();
        } else if (refusal instanceof OutOfStockException out) {
            reload.run();
            Optional<Basket.Item> line = basket.item(out.sku()).filter(Basket.Item::weighed);
            if (line.isPresent()) {
                // the refusal counts in the sweet's unit: for a weighed sweet that is grams
                notice.error(out.left() == 0 ? "Out of stock: " + line.get().name() + " has none left."
                        : "Out of stock: only " + Quantity.format(out.left(), SoldBy.WEIGHED) + " of " + line.get().name() + " left, "
                        + Quantity.format(line.get().quantity(), SoldBy.WEIGHED) + " asked for.");
                return;
            }
        }
        notice.error(Messages.checkoutRefused(refusal));
    }

    private void notConfirmed(CheckoutRequest request, Exception e) {
        if (e instanceof BusyException || e instanceof DatabaseUnreachableException) {
            LOG.warn("checkout {} not confirmed: {}", request.saleId(), e.getMessage());
        } else {
            LOG.error("checkout {} failed", request.saleId(), e);
        }
        if (e instanceof DatabaseUnreachableException) {
            reachable.set(false);
        }
        paying.set(false);
        unconfirmed.set(true);
        notice.error(Messages.paymentNotConfirmed(e));
    }

    /**
     * True, after saying why, while the basket must stay as it is: a payment on its way, one not
     * confirmed (Try again re-sends exactly that basket; Clear drops it), or part of it paid.
     */
    boolean locked() {
        if (sending()) {
            return true;
        }
        if (!taken.isEmpty()) {
            notice.error("Part of this basket is paid: pay the rest, or Undo payments to change it.");
            return true;
        }
        return false;
    }

    /** True, after saying why, while a payment is on its way or not confirmed. */
    private boolean sending() {
        if (paying.get()) {
            notice.error("Wait: the payment is on its way.");
            return true;
        }
        if (unconfirmed.get()) {
            notice.error("The last payment was not confirmed: press Try again, or Clear to drop this basket.");
            return true;
        }
        return false;
    }

    boolean paying() {
        return paying.get();
    }

    boolean unconfirmed() {
        return unconfirmed.get();
    }

    ReadOnlyBooleanProperty payingProperty() {
        return paying.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty unconfirmedProperty() {
        return unconfirmed.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }
}
