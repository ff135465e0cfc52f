package org.sweetshop.ui.till.sell;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sweetshop.catalog.ScannedItem;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.SoldBy;
import org.sweetshop.coupon.CouponPreview;
import org.sweetshop.promo.PromoView;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Pricing;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.ReceiptLine;
import org.sweetshop.sale.Tender;
import org.sweetshop.staff.Caller;

/**
 * The selling screen's services without a database: a fixed catalogue, codes that resolve to
 * what the test says (or fail as it says), and a checkout that prices the request as the core does
 * ({@link Pricing}) and keeps every request sent.
 */
public final class FakeSellServices implements SellServices {

    public final List<SweetView> sweets = new ArrayList<>();
    public final List<CheckoutRequest> sent = new ArrayList<>();
    public final List<String> resolved = new ArrayList<>();
    public final List<String> couponsPreviewed = new ArrayList<>();
    public final List<String> promosLookedUp = new ArrayList<>();
    private final Map<String, Object> codes = new HashMap<>();
    private int receipts;
    /** When set, the next checkout is refused so (and no sale is made). */
    public RuntimeException checkoutRefusal;

    public static SweetView counted(long id, String sku, String name, String price, int stock) {
        return new SweetView(id, sku, name, "Test", new BigDecimal(price), stock, 0, true);
    }

    /** A weighed sweet: price per kg, stock in grams. */
    public static SweetView weighed(long id, String sku, String name, String pricePerKg, int grams, Integer plu) {
        return new SweetView(id, sku, name, "Loose", new BigDecimal(pricePerKg), grams, 0, true, SoldBy.WEIGHED, plu);
    }

    public FakeSellServices with(SweetView... more) {
        sweets.addAll(List.of(more));
        return this;
    }

    /** Scanning {@code code} gives this item. */
    public FakeSellServices code(String code, ScannedItem item) {
        codes.put(code, item);
        return this;
    }

    /** Scanning {@code code} is refused so. */
    public FakeSellServices refusing(String code, RuntimeException refusal) {
        codes.put(code, refusal);
        return this;
    }

    public SweetView find(String sku) {
        return sweets.stream().filter(s -> s.sku().equals(sku)).findFirst().orElseThrow();
    }

    @Override
    public List<SweetView> catalogue() {
        return List.copyOf(sweets);
    }

    @Override
    public CouponPreview previewCoupon(String token) {
        couponsPreviewed.add(token);
        throw new NotFoundException("coupon", token, "unknown coupon");
    }

    @Override
    public PromoView findPromo(String code) {
        promosLookedUp.add(code);
        throw new NotFoundException("promo", code, "unknown promo code");
    }

    @Override
    public ScannedItem resolveCode(String code) {
        resolved.add(code);
        Object answer = codes.get(code);
        if (answer instanceof RuntimeException refusal) {
            throw refusal;
        }
        if (answer == null) {
            throw new NotFoundException("barcode", code, "unknown barcode: no sweet carries " + code);
        }
        return (ScannedItem) answer;
    }

    @Override
    public Receipt checkout(Caller cashier, CheckoutRequest request) {
        sent.add(request);
        if (checkoutRefusal != null) {
            RuntimeException refusal = checkoutRefusal;
            checkoutRefusal = null;
            throw refusal;
        }
        List<ReceiptLine> lines = new ArrayList<>();
        List<Pricing.Line> priced = new ArrayList<>();
        for (BasketLine line : request.lines()) {
            SweetView sweet = find(line.sku());
            Pricing.Line p = new Pricing.Line(sweet.price(), line.quantity(), sweet.soldBy());
            priced.add(p);
            lines.add(new ReceiptLine(sweet.sku(), sweet.name(), line.quantity(), sweet.price(), p.total(), sweet.soldBy()));
        }
        Pricing pricing = Pricing.of(priced, null, null);
        receipts++;
        return new Receipt(request.saleId(), request.till() + "-" + String.format("%06d", receipts), request.till(),
                cashier == null ? "cashier" : cashier.username(), Instant.now(), lines, pricing.subtotal(), pricing.couponDiscount(),
                pricing.promoDiscount(), pricing.total(), Tender.settle(pricing.total(), request.payments(), BigDecimal.ZERO), null, null, false);
    }

    @Override
    public Optional<Receipt> findReceipt(UUID saleId) {
        return Optional.empty();
    }
}
