package org.sweetshop.ui.till.customer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import org.sweetshop.common.Quantity;
import org.sweetshop.promo.PromoView;
import org.sweetshop.sale.Receipt;
import org.sweetshop.ui.till.sell.Basket;
import org.sweetshop.ui.till.sell.SellViewModel;

/**
 * What the customer window and the pole display show ({@link CustomerShow}), following the
 * selling screen of the moment: its basket live, then the sale paid, then, after
 * {@link #PAID_SHOWN} or as soon as the next basket starts, the basket again or the welcome. Between
 * two cashiers (no selling screen) it shows the welcome. It reads only the basket, its totals and
 * its receipts, never the screen's messages, so a refusal or a staff-only word cannot reach the
 * customer. Knows no {@code javafx.scene} class; used on the UI thread.
 */
public final class CustomerViewModel {

    /** How long the paid amount and the change stay up when no next basket starts. */
    public static final Duration PAID_SHOWN = Duration.ofSeconds(20);

    /** Runs an action on the UI thread after a delay (a {@code PauseTransition} at the till; by hand in tests). */
    @FunctionalInterface
    public interface Later {
        void after(Duration delay, Runnable action);
    }

    private final ReadOnlyObjectWrapper<CustomerShow> show;
    private final Later later;
    private final ReadOnlyStringWrapper storeName = new ReadOnlyStringWrapper();
    private SellViewModel following;
    private List<Basket.Item> before = List.of();
    private String lastSku;
    private long paidCount;
    private final InvalidationListener basketChanged = obs -> basketChanged();
    private final ChangeListener<Receipt> sold = (obs, old, receipt) -> {
        if (receipt != null) {
            paid(receipt);
        }
    };

    public CustomerViewModel(String storeName, Later later) {
        this.storeName.set(storeName);
        this.later = Objects.requireNonNull(later, "later");
        this.show = new ReadOnlyObjectWrapper<>(new CustomerShow.Idle(storeName));
    }

    /**
     * Follows this selling screen from now on (a receipt it already had is not shown again);
     * {@code store} is the name the welcome says.
     */
    public void follow(SellViewModel sell, String store) {
        stopFollowing();
        storeName.set(store);
        following = sell;
        before = List.of();
        lastSku = null;
        sell.basket().addListener(basketChanged);
        sell.discounts().addListener(basketChanged);
        sell.pricingProperty().addListener(basketChanged);
        sell.lastReceiptProperty().addListener(sold);
        basketChanged();
    }

    /** No selling screen any more (logged out, the shift closed, the back office): the welcome. */
    public void stopFollowing() {
        if (following != null) {
            following.basket().removeListener(basketChanged);
            following.discounts().removeListener(basketChanged);
            following.pricingProperty().removeListener(basketChanged);
            following.lastReceiptProperty().removeListener(sold);
            following = null;
        }
        before = List.of();
        lastSku = null;
        show.set(new CustomerShow.Idle(storeName.get()));
    }

    private void basketChanged() {
        List<Basket.Item> items = List.copyOf(following.basket());
        changedLine(items).ifPresent(sku -> lastSku = sku);
        before = items;
        if (items.isEmpty()) {
            lastSku = null;
            if (!(show.get() instanceof CustomerShow.Paid)) {
                show.set(new CustomerShow.Idle(storeName.get()));
            }
            return;
        }
        List<CustomerShow.Line> lines = items.stream().map(CustomerViewModel::line).toList();
        CustomerShow.Line last = items.stream().filter(i -> i.sku().equals(lastSku)).findFirst().map(CustomerViewModel::line)
                .orElse(lines.get(lines.size() - 1));
        show.set(new CustomerShow.Selling(lines, discounts(), last, following.toPay()));
    }

    /** The sweet whose line is new or changed since the last look, if one is. */
    private Optional<String> changedLine(List<Basket.Item> now) {
        for (Basket.Item item : now) {
            if (!before.contains(item)) {
                return Optional.of(item.sku());
            }
        }
        return Optional.empty();
    }

    private List<CustomerShow.Discount> discounts() {
        PromoView promo = following.promoProperty().get();
        return following.discounts().stream()
                .map(d -> new CustomerShow.Discount(d.coupon() ? "Coupon" : promo == null ? "Promo" : "Promo " + promo.code(), d.amount()))
                .toList();
    }

    private static CustomerShow.Line line(Basket.Item item) {
        return new CustomerShow.Line(item.name(), Quantity.format(item.quantity(), item.soldBy()), item.total());
    }

    private void paid(Receipt receipt) {
        long count = ++paidCount;
        CustomerShow.Paid paid = CustomerShow.Paid.of(receipt);
        show.set(paid);
        later.after(PAID_SHOWN, () -> {
            if (paidCount == count && show.get() == paid) {
                show.set(new CustomerShow.Idle(storeName.get()));
            }
        });
    }

    /** The store's name, for the window's heading. */
    public ReadOnlyStringProperty storeNameProperty() {
        return storeName.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CustomerShow> showProperty() {
        return show.getReadOnlyProperty();
    }
}
