package org.sweetshop.sale;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.StatelessSession;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sweetshop.common.NotForSaleException;
import org.sweetshop.stock.MovementKind;
import org.sweetshop.stock.StockLedger;
import org.sweetshop.common.OutOfStockException;
import org.sweetshop.stock.StockMovement;
import org.sweetshop.catalog.Sweet;
import org.sweetshop.catalog.Sweets;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.LockOrder;
import org.sweetshop.common.Refusal;
import org.sweetshop.common.Money;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.common.TaxLine;
import org.sweetshop.common.TaxSplit;
import org.sweetshop.common.Texts;
import org.sweetshop.common.TillNames;
import org.sweetshop.coupon.Coupon;
import org.sweetshop.common.CouponRefusedException;
import org.sweetshop.coupon.CouponService;
import org.sweetshop.coupon.CouponTokens;
import org.sweetshop.db.ConstraintViolation;
import org.sweetshop.db.Transactor;
import org.sweetshop.promo.Promo;
import org.sweetshop.common.PromoRefusedException;
import org.sweetshop.promo.PromoService;
import org.sweetshop.settings.SettingsService;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;
import org.sweetshop.tax.TaxRates;

/**
 * Checkout: the one place a sale is made.
 *
 * <p>In one transaction it locks ({@code PESSIMISTIC_WRITE}, bounded by {@code lock_timeout}), in
 * the global {@link org.sweetshop.common.LockOrder}, the basket's sweets in ascending id order,
 * then the coupon, then the promo code, then the till's {@link ReceiptCounter} (an atomic
 * increment that holds the counter row's lock); checks stock and
 * discounts under those locks; and writes the sale, its lines, its tax per rate, the stock movements,
 * the redemption and the next receipt number. The tax rates and the store's {@code prices.include.tax}
 * are read before the first lock ({@link TaxRates#read}); each line is taxed at its sweet's rate as
 * read under the sweet's lock, by {@link TaxSplit}. It is idempotent on the sale's
 * UUID: a second submission, even a concurrent one, gets the receipt already made.
 */
public final class SaleService {

    public static final int MAX_LINES = 100;
    /** The most of a counted sweet on one line; a weighed one's is {@link Quantity#MAX_GRAMS} ({@link Quantity#maxPerLine}). */
    public static final int MAX_QUANTITY = Quantity.MAX_PIECES;

    private final Transactor tx;
    private final Clock clock;

    public SaleService(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** The entities of this package, for the Hibernate bootstrap. */
    public static List<Class<?>> entities() {
        return List.of(Sale.class, SaleLine.class, SaleTax.class, OfflineConflict.class);
    }

    /** The request, checked and merged: one line per SKU, in the order first scanned. */
    private record Basket(UUID saleId, String till, Map<String, Integer> lines, String coupon, String promo, List<Payment> payments) {
    }

    public Receipt checkout(Caller caller, CheckoutRequest request) {
        Caller.require(caller, Role.CASHIER, "sell");
        Basket basket = validate(request);
        try {
            return tx.callStateless(session -> sell(session, caller, basket));
        } catch (Refusal refusal) {
            // the same sale may have been committed by a concurrent or earlier submission while this
            // one waited for its locks: then the answer is that sale's receipt, not a refusal
            return findReceipt(basket.saleId()).map(Receipt::asReplay).orElseThrow(() -> refusal);
        } catch (ConstraintViolation violation) {
            if (violation.is("sale_pkey")) {
                return findReceipt(basket.saleId()).map(Receipt::asReplay).orElseThrow(() -> violation);
            }
            throw translate(violation, basket);
        }
    }

    /**
     * The sale itself, on a stateless session (no persistence context to track or check): locks and
     * reads through Hibernate with {@code PESSIMISTIC_WRITE}, the domain objects apply the rules,
     * and {@link SaleWriter} writes the result in one round trip.
     */
    private Receipt sell(StatelessSession session, Caller caller, Basket basket) {
        StaffService.requireActive(session, caller);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what the database keeps
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        // the tax rates and the store's mode, before any lock (a rate never changes once made)
        TaxRates rates = TaxRates.read(session);

        // 1. sweets, ascending id
        List<Sweet> sweets = Sweets.lockInIdOrder(session, basket.lines().keySet());
        Map<String, Sweet> bySku = new HashMap<>();
        for (Sweet sweet : sweets) {
            if (!sweet.isActive()) {
                throw new NotForSaleException(sweet.getSku(), sweet.getName());
            }
            bySku.put(sweet.getSku(), sweet);
        }
        for (Map.Entry<String, Integer> line : basket.lines().entrySet()) {
            requireQuantity(bySku.get(line.getKey()), line.getValue());
        }
        // 2. the coupon, 3. the promo code (4. the till's receipt counter is taken by the write);
        // the steps are LockOrder's, and each locking call names its own
        Coupon coupon = basket.coupon() == null ? null : CouponService.lockForRedemption(session, basket.coupon());
        Promo promo = basket.promo() == null ? null : PromoService.lockForUse(session, basket.promo());

        List<String> skus = new ArrayList<>(basket.lines().keySet());
        List<Pricing.Line> priced = new ArrayList<>();
        for (Map.Entry<String, Integer> line : basket.lines().entrySet()) {
            priced.add(new Pricing.Line(bySku.get(line.getKey()).getPrice(), line.getValue(), bySku.get(line.getKey()).getSoldBy()));
        }
        Pricing pricing = Pricing.of(priced, coupon == null ? null : coupon.discount(), promo == null ? null : promo.discount());
        if (pricing.subtotal().compareTo(Money.MAX_SALE) > 0) {
            throw new InvalidInputException("items", "a sale cannot be more than " + Money.format(Money.MAX_SALE)
                    + "; this basket comes to " + Money.format(pricing.subtotal()));
        }
        // each line at its sweet's rate (read under the sweet's lock); a rate added since the read above is read again
        List<TaxSplit.Line> taxed = new ArrayList<>();
        for (int i = 0; i < priced.size(); i++) {
            Sweet sweet = bySku.get(skus.get(i));
            if (!rates.has(sweet.getTaxCode())) {
                rates = TaxRates.read(session);
            }
            taxed.add(rates.rate(sweet.getTaxCode()).line(priced.get(i).total()));
        }
        TaxSplit.Split taxes = TaxSplit.of(taxed, pricing.total(), rates.pricesIncludeTax());
        // the payments settle the total with any tax added (the store's cash rounding read only for cash)
        boolean cash = basket.payments().stream().anyMatch(p -> p.method() == PaymentMethod.CASH);
        Tender tender = Tender.settle(pricing.total().add(taxes.added()), basket.payments(),
                cash ? SettingsService.cashRounding(session) : BigDecimal.ZERO);

        List<StockMovement> movements = new ArrayList<>();
        Sale sale = new Sale(basket.saleId(), basket.till(), caller.staffId(), now, pricing, taxes,
                coupon == null ? null : coupon.getId(), promo == null ? null : promo.getId(), tender);
        for (int i = 0; i < skus.size(); i++) {
            Sweet sweet = bySku.get(skus.get(i));
            int quantity = basket.lines().get(skus.get(i));
            movements.add(StockLedger.change(sweet, -quantity, MovementKind.SALE, caller.staffId(), basket.till(), null,
                    basket.saleId(), now));
            sale.addLine(sweet.getId(), sweet.getSku(), sweet.getName(), sweet.getPrice(), quantity, sweet.getSoldBy(), taxed.get(i));
        }
        if (coupon != null) {
            coupon.redeem(basket.saleId(), basket.till(), now, today);
            session.update(coupon);
        }
        if (promo != null) {
            promo.use(today);
            session.update(promo);
        }
        // 4. the till's receipt counter: the first statement of the sale's write
        long receiptNumber = ReceiptCounter.next(basket.till(),
                () -> session.doReturningWork(connection -> SaleWriter.write(connection, sale, movements, sweets)));
        sale.numbered(receiptNumber);
        return sale.receipt(caller.username(), coupon == null ? null : coupon.getHint(), promo == null ? null : promo.getCode());
    }

    /**
     * Locks the sale with this receipt number for a refund ({@code PESSIMISTIC_WRITE}, i.e.
     * {@code for no key update}: {@link LockOrder#SALE}, a refund's first lock); empty if there is
     * no such receipt. Nothing else locks an existing sale (checkout only inserts new ones).
     */
    public static Optional<Sale> lockForRefund(EntityManager em, ReceiptNumber number) {
        return Transactor.lock(LockOrder.SALE, () -> em.createQuery(
                                "select s from Sale s where s.till = :till and s.receiptSeq = :seq", Sale.class)
                        .setParameter("till", number.till())
                        .setParameter("seq", number.seq())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultStream().findFirst(),
                () -> "receipt " + number + " is being refunded at another till");
    }

    /**
     * A line's quantity in its sweet's unit: 1 to {@link Quantity#maxPerLine} (pieces, or grams);
     * a weighed line that comes to 0.00 (a few grams of a cheap sweet) is refused, not given away.
     */
    private static void requireQuantity(Sweet sweet, int quantity) {
        SoldBy soldBy = sweet.getSoldBy();
        String field = "quantity of " + sweet.getSku();
        int max = Quantity.maxPerLine(soldBy);
        if (quantity > max) {
            throw new InvalidInputException(field, field + " must be between 1 and " + max + (soldBy.weighed() ? " g" : "")
                    + ", not " + quantity + (soldBy.weighed() ? " g" : ""));
        }
        if (soldBy.weighed() && Money.weighedLine(sweet.getPrice(), quantity).signum() == 0) {
            throw new InvalidInputException(field, Quantity.format(quantity, soldBy) + " of " + sweet.getName() + " ("
                    + sweet.getSku() + ") at " + Money.format(sweet.getPrice()) + "/kg comes to 0.00: weigh more or leave it out");
        }
    }

    /** A constraint a lost race ran into, as the refusal a cashier understands. */
    private RuntimeException translate(ConstraintViolation violation, Basket basket) {
        String name = violation.constraint() == null ? "" : violation.constraint();
        switch (name) {
            case "sale_coupon_uq":
            case "coupon_redeemed_sale_uq":
                return CouponRefusedException.alreadyRedeemed(clock.instant(), "another till");
            case "promo_uses_ck":
                return PromoRefusedException.exhausted(basket.promo());
            case "sweet_stock_ck":
            case "stock_movement_stock_after_ck":
                return new OutOfStockException("?", "a sweet in the basket", 0, 1);
            default:
                return violation;
        }
    }

    /**
     * The tax per rate of a till's receipts numbered after {@code after} up to {@code upTo} (a
     * shift's), added up, by code; read in the caller's transaction.
     */
    public static List<TaxLine> taxesOfReceipts(EntityManager em, String till, long after, long upTo) {
        return em.createQuery("select t.code, t.name, t.rate, sum(t.net), sum(t.tax), sum(t.gross) from SaleTax t, Sale s"
                        + " where s.id = t.saleId and s.till = :till and s.receiptSeq > :after and s.receiptSeq <= :upTo"
                        + " group by t.code, t.name, t.rate order by t.code", Object[].class)
                .setParameter("till", till)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .getResultStream()
                .map(row -> new TaxLine((String) row[0], (String) row[1], (BigDecimal) row[2], (BigDecimal) row[3],
                        (BigDecimal) row[4], (BigDecimal) row[5]))
                .toList();
    }

    /** The receipt of a sale made earlier, by its UUID. */
    public Optional<Receipt> findReceipt(UUID saleId) {
        if (saleId == null) {
            throw new InvalidInputException("sale id", "no sale id given");
        }
        return tx.call(em -> em.createQuery("select s from Sale s left join fetch s.lines where s.id = :id", Sale.class)
                .setParameter("id", saleId)
                .getResultStream().findFirst()
                .map(sale -> receiptOf(em, sale)));
    }

    /** The receipt with this number, e.g. {@code T1-000001}. */
    public Optional<Receipt> findReceipt(String receiptNo) {
        ReceiptNumber number = ReceiptNumber.parse(receiptNo);
        String till = number.till();
        long seq = number.seq();
        return tx.call(em -> em.createQuery("select s from Sale s left join fetch s.lines where s.till = :till and s.receiptSeq = :seq",
                        Sale.class)
                .setParameter("till", till)
                .setParameter("seq", seq)
                .getResultStream().findFirst()
                .map(sale -> receiptOf(em, sale)));
    }

    private static Receipt receiptOf(EntityManager em, Sale sale) {
        String cashier = em.createQuery("select s.username from Staff s where s.id = :id", String.class)
                .setParameter("id", sale.staffId()).getSingleResult();
        String couponHint = sale.couponId() == null ? null
                : em.createQuery("select c.hint from Coupon c where c.id = :id", String.class)
                        .setParameter("id", sale.couponId()).getSingleResult();
        String promoCode = sale.promoId() == null ? null
                : em.createQuery("select p.code from Promo p where p.id = :id", String.class)
                        .setParameter("id", sale.promoId()).getSingleResult();
        return sale.receipt(cashier, couponHint, promoCode);
    }

    private static Basket validate(CheckoutRequest request) {
        if (request == null) {
            throw new InvalidInputException("sale", "no sale to check out");
        }
        if (request.saleId() == null) {
            throw new InvalidInputException("sale id", "a sale needs the UUID its basket was started with");
        }
        String till = TillNames.require(request.till());
        List<BasketLine> lines = request.lines();
        if (lines == null || lines.isEmpty()) {
            throw new InvalidInputException("items", "the basket is empty");
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidInputException("items", "a basket holds at most " + MAX_LINES + " lines");
        }
        Map<String, Integer> merged = new LinkedHashMap<>();
        for (BasketLine line : lines) {
            if (line == null) {
                throw new InvalidInputException("items", "a basket line is missing");
            }
            String sku = Sweets.requireSku(line.sku());
            // the sweet's kind is known once it is locked: its own range is checked then (requireQuantity)
            int quantity = Texts.requireRange("quantity of " + sku, line.quantity(), 1, Quantity.MAX_GRAMS);
            merged.merge(sku, quantity, Integer::sum);
        }
        String coupon = request.couponToken() == null || request.couponToken().isBlank()
                ? null : CouponTokens.normalize(request.couponToken());
        String promo = request.promoCode() == null || request.promoCode().isBlank()
                ? null : PromoService.normalize(request.promoCode());
        return new Basket(request.saleId(), till, merged, coupon, promo, Tender.check(request.paidWith()));
    }
}
