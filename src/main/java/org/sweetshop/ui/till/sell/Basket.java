package org.sweetshop.ui.till.sell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.sweetshop.common.Money;
import org.sweetshop.common.SoldBy;
import org.sweetshop.coupon.CouponPreview;
import org.sweetshop.promo.PromoView;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Pricing;
import org.sweetshop.sale.SaleService;

/**
 * The sale being made, as plain data (no JavaFX): its lines, its coupon and promo, its sale UUID
 * and its price by {@link Pricing}, the checkout's own rule, so the total shown is the total charged.
 *
 * <p>A basket has one sale UUID from its first line until it is {@linkplain #clear() cleared}
 * (after its sale, or by the cashier): edits keep it, so a re-sent checkout is the same sale.
 * What may be added (stock, locked while paying) is the selling screen's to decide.
 */
public final class Basket {

    /**
     * A line as the till shows it. For a weighed sweet {@code unitPrice} is per kilogram and
     * {@code quantity} whole grams, and the line is priced as checkout prices it
     * ({@link Pricing.Line}: grams × price per kg, rounded once for the line).
     */
    public record Item(String sku, String name, BigDecimal unitPrice, int quantity, SoldBy soldBy) {

        /** A counted line. */
        public Item(String sku, String name, BigDecimal unitPrice, int quantity) {
            this(sku, name, unitPrice, quantity, SoldBy.COUNTED);
        }

        public boolean weighed() {
            return soldBy.weighed();
        }

        public BigDecimal total() {
            return Pricing.Line.total(unitPrice, quantity, soldBy).setScale(Money.SCALE);
        }

        Item withQuantity(int newQuantity) {
            return new Item(sku, name, unitPrice, newQuantity, soldBy);
        }
    }

    /** A discount line under the basket: the coupon's or the promo's, with what it takes off. */
    public record DiscountLine(boolean coupon, String label, BigDecimal amount) {
    }

    private final Supplier<UUID> saleIds;
    private final List<Item> items = new ArrayList<>();
    private String couponToken;
    private CouponPreview coupon;
    private PromoView promo;
    private UUID saleId;

    /** @param saleIds makes the UUID of each new sale */
    public Basket(Supplier<UUID> saleIds) {
        this.saleIds = Objects.requireNonNull(saleIds);
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public Optional<Item> item(String sku) {
        int index = indexOf(sku);
        return index < 0 ? Optional.empty() : Optional.of(items.get(index));
    }

    /** How many of this sweet the basket holds (0 when none). */
    public int quantityOf(String sku) {
        return item(sku).map(Item::quantity).orElse(0);
    }

    /** False when this sweet would be a new line and the basket already has the most lines a sale may have. */
    public boolean hasRoomFor(String sku) {
        return indexOf(sku) >= 0 || items.size() < SaleService.MAX_LINES;
    }

    /** One more of this counted sweet: on its line (as priced there), or on a new line at the end. */
    public void addOne(String sku, String name, BigDecimal unitPrice) {
        add(sku, name, unitPrice, 1, SoldBy.COUNTED);
    }

    /**
     * This much more of a sweet (pieces, or grams for a weighed one): on its line (as priced
     * there), or on a new line at the end. A second weighing of a weighed sweet adds its grams to
     * the sweet's line: checkout sells one line per sweet and rounds a weighed line once, so one
     * line per sweet is what the receipt shows and what the total shown must be.
     */
    public void add(String sku, String name, BigDecimal unitPrice, int quantity, SoldBy soldBy) {
        if (quantity < 1) {
            throw new IllegalArgumentException("a line adds at least 1, not " + quantity);
        }
        int index = indexOf(sku);
        if (index < 0) {
            items.add(new Item(sku, name, unitPrice, quantity, soldBy));
        } else {
            items.set(index, items.get(index).withQuantity(items.get(index).quantity() + quantity));
        }
        if (saleId == null) {
            saleId = saleIds.get();
        }
    }

    /** The weighed line of this sweet takes this weight instead of what it had (re-weighed). False when it is not in the basket. */
    public boolean reweigh(String sku, int grams) {
        int index = indexOf(sku);
        if (index < 0 || grams < 1) {
            return false;
        }
        items.set(index, items.get(index).withQuantity(grams));
        return true;
    }

    /**
     * One fewer; the line goes when it reaches zero. False when the sweet is not in the basket, or
     * is weighed (grams are not taken off one at a time: the line is re-weighed or removed).
     */
    public boolean takeOne(String sku) {
        int index = indexOf(sku);
        if (index < 0 || items.get(index).weighed()) {
            return false;
        }
        Item item = items.get(index);
        if (item.quantity() <= 1) {
            items.remove(index);
        } else {
            items.set(index, item.withQuantity(item.quantity() - 1));
        }
        return true;
    }

    /** Takes the whole line off; what it was, if it was there. */
    public Optional<Item> remove(String sku) {
        int index = indexOf(sku);
        return index < 0 ? Optional.empty() : Optional.of(items.remove(index));
    }

    /**
     * The line of this sweet follows its new name and price (what checkout will charge); the line
     * as it was when that changed anything.
     */
    public Optional<Item> reprice(String sku, String name, BigDecimal price) {
        int index = indexOf(sku);
        if (index < 0) {
            return Optional.empty();
        }
        Item item = items.get(index);
        if (item.unitPrice().compareTo(price) == 0 && item.name().equals(name)) {
            return Optional.empty();
        }
        items.set(index, new Item(sku, name, price, item.quantity(), item.soldBy()));
        return Optional.of(item);
    }

    public void attachCoupon(String token, CouponPreview preview) {
        couponToken = Objects.requireNonNull(token);
        coupon = Objects.requireNonNull(preview);
    }

    public void detachCoupon() {
        couponToken = null;
        coupon = null;
    }

    public CouponPreview coupon() {
        return coupon;
    }

    public void attachPromo(PromoView found) {
        promo = Objects.requireNonNull(found);
    }

    public void detachPromo() {
        promo = null;
    }

    public PromoView promo() {
        return promo;
    }

    /** The UUID this basket's sale is (or will be) sent with; null before its first line. */
    public UUID saleId() {
        return saleId;
    }

    /** Empties the basket, its coupon and promo; the next basket is a new sale with a new UUID. */
    public void clear() {
        items.clear();
        detachCoupon();
        detachPromo();
        saleId = null;
    }

    /** Subtotal, the coupon's and the promo's discount and the total, as checkout computes them. */
    public Pricing pricing() {
        return Pricing.of(items.stream().map(i -> new Pricing.Line(i.unitPrice(), i.quantity(), i.soldBy())).toList(),
                coupon == null ? null : coupon.discount(), promo == null ? null : promo.discount());
    }

    /** The coupon's and the promo's lines, in that order, with what each takes off now. */
    public List<DiscountLine> discountLines() {
        Pricing priced = pricing();
        List<DiscountLine> lines = new ArrayList<>();
        if (coupon != null) {
            lines.add(new DiscountLine(true, "Coupon …" + coupon.hint() + " (" + coupon.discount().describe() + ")",
                    priced.couponDiscount()));
        }
        if (promo != null) {
            lines.add(new DiscountLine(false, "Promo " + describe(promo), priced.promoDiscount()));
        }
        return lines;
    }

    /** What checkout is sent for this basket, paid so. */
    public CheckoutRequest request(String till, List<Payment> payment) {
        List<BasketLine> lines = items.stream().map(i -> new BasketLine(i.sku(), i.quantity())).toList();
        return new CheckoutRequest(saleId, till, lines, couponToken, promo == null ? null : promo.code(), payment);
    }

    /** "WELCOME10: 10% off, 37 uses left". */
    public static String describe(PromoView promo) {
        String uses = promo.remaining() == null ? "unlimited uses"
                : promo.remaining() == 1 ? "1 use left" : promo.remaining() + " uses left";
        return promo.code() + ": " + promo.discount().describe() + ", " + uses;
    }

    private int indexOf(String sku) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).sku().equalsIgnoreCase(sku)) {
                return i;
            }
        }
        return -1;
    }
}
