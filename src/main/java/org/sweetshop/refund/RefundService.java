package org.sweetshop.refund;

import org.sweetshop.common.RefundRefusedException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.stock.MovementKind;
import org.sweetshop.stock.StockLedger;
import org.sweetshop.catalog.Sweet;
import org.sweetshop.catalog.Sweets;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.common.TaxLine;
import org.sweetshop.common.TaxSplit;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.Texts;
import org.sweetshop.common.TillNames;
import org.sweetshop.db.ConstraintViolation;
import org.sweetshop.db.Transactor;
import org.sweetshop.sale.ReceiptNumber;
import org.sweetshop.sale.Sale;
import org.sweetshop.sale.SaleLine;
import org.sweetshop.sale.SaleService;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/**
 * Refunds: a manager gives back a receipt, whole or some of its items.
 *
 * <p>One transaction locks ({@code PESSIMISTIC_WRITE}, i.e. {@code FOR NO KEY UPDATE}, bounded by
 * {@code lock_timeout}) the sale's row first, then the sweets of the lines refunded in ascending id
 * order; checks under those locks what is left to refund; puts the stock back with REFUND movements;
 * and writes the refund, its lines and the sale lines' {@code refunded} counters, all through
 * Hibernate entities ({@link Sale}, {@link SaleLine}, {@link Refund}, {@link RefundedLine}). The lock
 * order is {@link org.sweetshop.common.LockOrder}'s: {@code SALE}, then {@code SWEETS}. Two refunds of one
 * receipt queue on the sale's row, so the second sees what the first refunded. Checkout never locks
 * an existing sale, so refunds racing sales of the same sweets cannot deadlock (DESIGN.md, Refunds).
 *
 * <p>Rules: an empty item list refunds the whole receipt, and is refused once anything of it was
 * refunded; items refund up to what is left of each line, in as many refunds as wanted. A coupon
 * redeemed by the sale stays redeemed and a promo use stays used.
 *
 * <p>Money and tax: each line paid its share of its rate's gross ({@link TaxSplit#paidPerLine}, read
 * from the sale's frozen tax lines), a refund gives back part of that ({@link RefundMoney}) and
 * reverses each rate's tax in proportion ({@link TaxSplit#reverse}), written as {@link RefundTax}
 * rows that add up to the refund's amount.
 */
public final class RefundService {

    private static final Logger LOG = LoggerFactory.getLogger(RefundService.class);

    public static final int MAX_ITEMS = SaleService.MAX_LINES;

    private final Transactor tx;
    private final Clock clock;

    public RefundService(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Refunds {@code items} of the receipt, or the whole receipt when {@code items} is empty or null.
     * Managers and owners only.
     */
    public RefundView refund(Caller manager, String receiptNo, List<RefundLine> items, String till, String reason) {
        Caller.require(manager, Role.MANAGER, "refund a sale");
        ReceiptNumber number = ReceiptNumber.parse(receiptNo);
        List<RefundLine> wanted = validate(items);
        String where = TillNames.optional(till);
        String why = reason == null || reason.isBlank() ? null : Texts.requireText("reason", reason, 200);
        try {
            RefundView view = tx.call(em -> refund(em, manager, number, wanted, where, why));
            LOG.info("refund {} of receipt {} by {}: {}", view.id(), view.receiptNo(), manager.username(), view.amount());
            return view;
        } catch (ConstraintViolation violation) {
            // the locks make these unreachable; the constraints stand behind them
            if (violation.is("sale_line_refunded_ck") || violation.is("refund_whole_uq")) {
                throw RefundRefusedException.alreadyRefunded(number.toString());
            }
            throw violation;
        }
    }

    private RefundView refund(EntityManager em, Caller manager, ReceiptNumber number, List<RefundLine> wanted,
                              String till, String reason) {
        StaffService.requireActive(em, manager);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String receiptNo = number.toString();

        // 1. the sale's row: refunds of one receipt queue here
        Sale sale = SaleService.lockForRefund(em, number)
                .orElseThrow(() -> new NotFoundException("receipt", receiptNo, "unknown receipt: there is no receipt " + receiptNo));
        List<SaleLine> lines = sale.lines();

        // what to refund, line by line, in each line's unit, checked against what is left under the lock
        Map<SaleLine, Integer> refunding = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            if (lines.stream().anyMatch(l -> l.refunded() > 0)) {
                throw RefundRefusedException.alreadyRefunded(receiptNo);
            }
            lines.forEach(l -> refunding.put(l, l.quantity()));
        } else {
            for (RefundLine item : wanted) {
                SaleLine line = lines.stream().filter(l -> l.sku().equals(item.sku())).findFirst()
                        .orElseThrow(() -> RefundRefusedException.notInSale(receiptNo, item.sku()));
                refunding.merge(line, quantityOf(item, line), Integer::sum);
            }
            for (Map.Entry<SaleLine, Integer> item : refunding.entrySet()) {
                SaleLine line = item.getKey();
                Texts.requireRange("quantity of " + line.sku(), item.getValue(), 1, Quantity.maxPerLine(line.soldBy()));
                if (line.left() == 0) {
                    throw RefundRefusedException.itemAlreadyRefunded(receiptNo, line.sku());
                }
                if (item.getValue() > line.left()) {
                    throw RefundRefusedException.moreThanSold(receiptNo, line.sku(), item.getValue(), line.left(), line.soldBy());
                }
            }
        }

        // 2. the sweets, ascending id; the stock goes back through REFUND movements naming the sale
        TreeSet<Long> sweetIds = new TreeSet<>();
        refunding.keySet().forEach(l -> sweetIds.add(l.sweetId()));
        String skus = String.join(", ", refunding.keySet().stream().map(SaleLine::sku).toList());
        String movementReason = reason == null ? "refund of " + receiptNo : reason;
        for (Sweet sweet : Sweets.lockByIdsInIdOrder(em, sweetIds, skus)) {
            int quantity = refunding.entrySet().stream().filter(e -> e.getKey().sweetId() == sweet.getId())
                    .mapToInt(Map.Entry::getValue).sum();
            StockLedger.record(em, sweet, quantity, MovementKind.REFUND, manager.staffId(), till, movementReason, sale.id(), now);
        }

        // the money: each line's share of what was paid (TaxSplit: its share of its rate's gross), then RefundMoney
        List<TaxLine> saleTaxes = sale.taxes();
        List<BigDecimal> paid = TaxSplit.paidPerLine(lines.stream()
                .map(l -> new TaxSplit.Line(l.taxCode(), l.taxCode(), l.taxRate(), l.lineTotal())).toList(), sale.discountedSubtotal(), saleTaxes);
        List<RefundedItem> items = new ArrayList<>();
        Map<SaleLine, BigDecimal> amounts = new LinkedHashMap<>();
        BigDecimal amount = Money.ZERO;
        for (Map.Entry<SaleLine, Integer> e : refunding.entrySet()) {
            SaleLine line = e.getKey();
            BigDecimal back = RefundMoney.refundOf(paid.get(lines.indexOf(line)), line.quantity(), line.refunded(), e.getValue());
            amounts.put(line, back);
            amount = amount.add(back);
            items.add(new RefundedItem(line.sku(), line.name(), e.getValue(), back, line.soldBy()));
        }
        // the tax it reverses, per rate: in proportion to what that rate has given back, before and with this refund
        List<TaxLine> reversed = new ArrayList<>();
        for (TaxLine sold : saleTaxes) {
            BigDecimal before = Money.ZERO;
            BigDecimal back = Money.ZERO;
            for (int i = 0; i < lines.size(); i++) {
                SaleLine line = lines.get(i);
                if (line.taxCode().equals(sold.code())) {
                    before = before.add(RefundMoney.returnedAfter(paid.get(i), line.quantity(), line.refunded()));
                    back = back.add(amounts.getOrDefault(line, Money.ZERO));
                }
            }
            if (refunding.keySet().stream().anyMatch(l -> l.taxCode().equals(sold.code()))) {
                reversed.add(TaxSplit.reverse(sold, before, back));
            }
        }

        // the refund, its lines and the sale lines' counters
        boolean whole = wanted.isEmpty();
        Refund refund = new Refund(sale.id(), till, manager.staffId(), now, amount, whole, reason);
        em.persist(refund); // an identity id: inserted here
        for (Map.Entry<SaleLine, Integer> e : refunding.entrySet()) {
            SaleLine line = e.getKey();
            em.persist(new RefundedLine(refund.id(), line.id(), line.sweetId(), e.getValue(), amounts.get(line)));
            line.refund(e.getValue());
        }
        reversed.forEach(tax -> em.persist(new RefundTax(refund.id(), tax)));
        return new RefundView(refund.id(), receiptNo, till, manager.username(), now, whole, items, amount, reason, reversed);
    }

    /** The refunds of a receipt, oldest first. */
    public List<RefundView> refundsOf(String receiptNo) {
        ReceiptNumber number = ReceiptNumber.parse(receiptNo);
        String printed = number.toString();
        return tx.call(em -> {
            List<Object[]> refunds = em.createQuery("select r, st.username from Refund r, Sale s, Staff st"
                            + " where s.id = r.saleId and st.id = r.staffId and s.till = :till and s.receiptSeq = :seq"
                            + " order by r.id", Object[].class)
                    .setParameter("till", number.till())
                    .setParameter("seq", number.seq())
                    .getResultList();
            if (refunds.isEmpty()) {
                return List.of();
            }
            Map<Long, List<RefundedItem>> items = new LinkedHashMap<>();
            em.createQuery("select rl.refundId, l.sku, l.name, rl.quantity, rl.amount, l.soldBy from RefundedLine rl, SaleLine l"
                            + " where l.id = rl.saleLineId and rl.refundId in :ids order by rl.refundId, l.lineNo", Object[].class)
                    .setParameter("ids", refunds.stream().map(row -> ((Refund) row[0]).id()).toList())
                    .getResultStream()
                    .forEach(row -> items.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                            .add(new RefundedItem((String) row[1], (String) row[2], (Integer) row[3], (BigDecimal) row[4], (SoldBy) row[5])));
            Map<Long, List<TaxLine>> taxes = new LinkedHashMap<>();
            em.createQuery("select t from RefundTax t where t.refundId in :ids order by t.refundId, t.code", RefundTax.class)
                    .setParameter("ids", refunds.stream().map(row -> ((Refund) row[0]).id()).toList())
                    .getResultStream()
                    .forEach(t -> taxes.computeIfAbsent(t.refundId(), id -> new ArrayList<>()).add(t.line()));
            return refunds.stream().map(row -> {
                Refund r = (Refund) row[0];
                return new RefundView(r.id(), printed, r.till(), (String) row[1], r.createdAt(), r.whole(),
                        List.copyOf(items.getOrDefault(r.id(), List.of())), r.amount(), r.reason(), taxes.getOrDefault(r.id(), List.of()));
            }).toList();
        });
    }

    /** The entities of this package, for the Hibernate bootstrap. */
    public static List<Class<?>> entities() {
        return List.of(Refund.class, RefundedLine.class, RefundTax.class);
    }

    /**
     * The items with their SKUs checked: a typed quantity is read later, against its sale line's
     * kind; a number is pieces or grams, at most what one line of either kind can hold.
     */
    private static List<RefundLine> validate(List<RefundLine> items) {
        List<RefundLine> checked = new ArrayList<>();
        if (items == null) {
            return checked;
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidInputException("items", "a refund holds at most " + MAX_ITEMS + " items");
        }
        for (RefundLine item : items) {
            if (item == null) {
                throw new InvalidInputException("items", "an item to refund is missing");
            }
            String sku = Sweets.requireSku(item.sku());
            if (item.typed() == null) {
                Texts.requireRange("quantity of " + sku, item.quantity(), 1, Quantity.MAX_GRAMS);
            }
            checked.add(new RefundLine(sku, item.quantity(), item.typed()));
        }
        return checked;
    }

    /** An item's quantity in its sale line's unit: pieces, or grams of a weighed line ({@code 100g}, {@code 0.1kg}). */
    private static int quantityOf(RefundLine item, SaleLine line) {
        String field = "quantity of " + line.sku();
        if (item.typed() != null) {
            return Quantity.parse(field, item.typed(), line.soldBy());
        }
        return Texts.requireRange(field, item.quantity(), 1, Quantity.maxPerLine(line.soldBy()));
    }
}
