package org.sweetshop.ui.till.sell;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
     * Whose sale (the till's cashier when it is sent: another may unlock the till), of which basket, at which till; {@code waitingFor} says what is still on its way
     * to the basket ("a coupon or promo code is still being checked", a weighing, a scanned code),
     * null when nothing is.
     */
    record Sale(String till, Supplier<Caller> cashier, Basket basket, Supplier<String> waitingFor) {
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

    /** Cash: the tendered amount as typed; it must cover the total. */
    void payCash(String tendered) {
        BigDecimal amount;
        try {
            amount = Money.parse("cash tendered", tendered);
        } catch (InvalidInputException e) {
            notice.error(Messages.of(e));
            return;
        }
        BigDecimal total = basket.pricing().total();
        if (amount.compareTo(total) < 0) {
            notice.error("Cash tendered " + Money.format(amount) + " is less than the total " + Money.format(total) + ".");
            return;
        }
        pay(Payment.cash(amount));
    }

    void payCard() {
        pay(Payment.card());
    }

    private void pay(Payment payment) {
        if (paying.get()) {
            return;
        }
        if (basket.isEmpty()) {
            notice.error("The basket is empty.");
        } else if (sale.waitingFor().get() != null) {
            notice.error("Wait a moment: " + sale.waitingFor().get() + ".");
        } else if (!locked()) {
            send(basket.request(sale.till(), payment));
        }
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

    /** The unconfirmed payment is dropped with its basket (it was not made). */
    void forget() {
        pending = null;
        unconfirmed.set(false);
    }

    private void paid(Receipt receipt) {
        reachable.set(true);
        paying.set(false);
        unconfirmed.set(false);
        pending = null;
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
     * True, after saying why, while the basket must stay as it was sent: a payment on its way,
     * or one not confirmed (Try again re-sends exactly that basket; Clear drops it).
     */
    boolean locked() {
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
