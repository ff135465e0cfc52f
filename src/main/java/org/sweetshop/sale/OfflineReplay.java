package org.sweetshop.sale;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.StatelessSession;
import org.sweetshop.catalog.Sweet;
import org.sweetshop.catalog.Sweets;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.TaxSplit;
import org.sweetshop.common.Texts;
import org.sweetshop.common.TillNames;
import org.sweetshop.db.ConstraintViolation;
import org.sweetshop.db.Transactor;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;
import org.sweetshop.tax.TaxRates;
import org.sweetshop.stock.MovementKind;
import org.sweetshop.stock.StockLedger;
import org.sweetshop.stock.StockMovement;

/**
 * Sends one sale made offline to the store database, exactly once: under its own UUID (the sale's
 * primary key, as at checkout), at the time and the prices the customer paid, in one transaction
 * that locks its sweets in {@link org.sweetshop.common.LockOrder} (sweets by id, then the till's
 * receipt counter; no coupon, no promo) and writes through {@link SaleWriter}.
 *
 * <ul>
 *   <li>a sale already made under that UUID (an earlier replay whose reply was lost, or a checkout
 *       whose commit happened before the till went offline) is {@link Result#ALREADY_MADE}: nothing
 *       is written again;
 *   <li>a sale whose sweets are all there, on sale and in stock is made as checkout makes it
 *       ({@link Result#MADE}): sale, lines, SALE movements, stock;
 *   <li>otherwise ({@link Result#CONFLICT}: another till sold the stock meanwhile, a sweet was taken
 *       off sale or is gone) the sale is recorded all the same, with its lines and receipt number,
 *       since its money was taken, but without stock movements, so stock never goes below zero;
 *       an {@link OfflineConflict} row says why, for a manager ({@link ConflictService}).
 * </ul>
 *
 * <p>Its tax is worked out at the replay by the one rule ({@link TaxSplit}) at each sweet's rate,
 * always taken out of the prices paid: the customer paid the offline total, tax included, whatever
 * the store's {@code prices.include.tax}.
 */
public final class OfflineReplay {

    /** What became of one offline sale. */
    public enum Result { MADE, ALREADY_MADE, CONFLICT }

    /** @param reason why it conflicts (null unless {@link Result#CONFLICT}) */
    public record Outcome(UUID saleId, Result result, String receiptNo, String reason) {
    }

    private final Transactor tx;
    private final Clock clock;

    public OfflineReplay(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public Outcome replay(Caller caller, OfflineSale sale) {
        Caller.require(caller, Role.CASHIER, "send the sales made offline");
        validate(sale);
        try {
            return tx.callStateless(session -> apply(session, caller, sale));
        } catch (ConstraintViolation violation) {
            if (violation.is("sale_pkey") || violation.is("offline_conflict_pkey")) {
                // another replay of the same journal (the till and the command line) won the race
                return tx.callStateless(session -> existing(session, sale.saleId()));
            }
            throw violation;
        }
    }

    private Outcome apply(StatelessSession session, Caller caller, OfflineSale offline) {
        StaffService.requireActive(session, caller);
        Outcome made = existing(session, offline.saleId());
        if (made != null) {
            return made;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        TaxRates read = TaxRates.read(session);
        Set<Long> ids = new LinkedHashSet<>();
        offline.lines().forEach(line -> ids.add(line.sweetId()));
        Map<Long, Sweet> byId = new HashMap<>();
        List<Sweet> sweets = Sweets.lockFoundByIdsInIdOrder(session, ids,
                String.join(", ", offline.lines().stream().map(OfflineLine::sku).toList()));
        sweets.forEach(sweet -> byId.put(sweet.getId(), sweet));

        List<String> problems = new ArrayList<>();
        for (OfflineLine line : offline.lines()) {
            Sweet sweet = byId.get(line.sweetId());
            String sold = Quantity.format(line.quantity(), line.soldBy());
            if (sweet != null && sweet.getSoldBy() != line.soldBy()) {
                // how a sweet is sold never changes (sweet_sold_by_fixed): a journal that says otherwise is not this store's
                throw new InvalidInputException("items", line.sku() + " is sold " + (sweet.getSoldBy().weighed() ? "by weight" : "by the piece")
                        + ", but the offline sale has it " + (line.soldBy().weighed() ? "by weight" : "by the piece"));
            }
            if (sweet == null) {
                problems.add(line.sku() + " is no longer in the catalogue (" + sold + " sold offline)");
            } else if (!sweet.isActive()) {
                problems.add(line.sku() + " was taken off sale (" + sold + " sold offline)");
            } else if (sweet.getStock() < line.quantity()) {
                problems.add(line.sku() + ": " + sold + " sold offline, " + Quantity.format(sweet.getStock(), line.soldBy())
                        + " left in stock");
            }
        }

        // a rate added since the read above (and given to one of these sweets) is read again
        TaxRates rates = sweets.stream().allMatch(w -> read.has(w.getTaxCode())) ? read : TaxRates.read(session);
        List<Pricing.Line> priced = offline.lines().stream().map(l -> new Pricing.Line(l.unitPrice(), l.quantity(), l.soldBy())).toList();
        Pricing pricing = Pricing.of(priced, null, null);
        // taxed by the rule at each sweet's rate as it is now (a sweet gone: the default rate's); always out of the price
        // paid, since that is what the customer paid offline, whether or not the store's prices include tax
        List<TaxSplit.Line> taxed = new ArrayList<>();
        for (int i = 0; i < offline.lines().size(); i++) {
            Sweet sweet = byId.get(offline.lines().get(i).sweetId());
            taxed.add((sweet == null ? rates.defaultRate() : rates.rate(sweet.getTaxCode())).line(priced.get(i).total()));
        }
        Sale sale = new Sale(offline.saleId(), offline.till(), offline.staffId(), offline.soldAt().truncatedTo(ChronoUnit.MICROS),
                pricing, TaxSplit.of(taxed, pricing.total(), true), null, null, offline.tender());
        List<StockMovement> movements = new ArrayList<>();
        List<Sweet> changed = new ArrayList<>();
        for (int i = 0; i < offline.lines().size(); i++) {
            OfflineLine line = offline.lines().get(i);
            sale.addLine(line.sweetId(), line.sku(), line.name(), line.unitPrice(), line.quantity(), line.soldBy(), taxed.get(i));
            if (problems.isEmpty()) {
                Sweet sweet = byId.get(line.sweetId());
                movements.add(StockLedger.change(sweet, -line.quantity(), MovementKind.SALE, offline.staffId(), offline.till(),
                        "sold offline", offline.saleId(), now));
            }
        }
        if (problems.isEmpty()) {
            changed.addAll(sweets);
        }
        long receiptNumber = ReceiptCounter.next(offline.till(),
                () -> session.doReturningWork(connection -> SaleWriter.write(connection, sale, movements, changed)));
        sale.numbered(receiptNumber);
        String receiptNo = Sale.receiptNumber(offline.till(), receiptNumber);
        if (problems.isEmpty()) {
            return new Outcome(offline.saleId(), Result.MADE, receiptNo, null);
        }
        String reason = String.join("; ", problems);
        session.insert(new OfflineConflict(offline.saleId(), offline.till(), sale.createdAt(), now, reason));
        return new Outcome(offline.saleId(), Result.CONFLICT, receiptNo, reason);
    }

    /** The outcome of a sale already made under this id, or null. */
    private static Outcome existing(StatelessSession session, UUID saleId) {
        List<Object[]> rows = session.createSelectionQuery("select s.till, s.receiptSeq from Sale s where s.id = :id", Object[].class)
                .setParameter("id", saleId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        return new Outcome(saleId, Result.ALREADY_MADE, Sale.receiptNumber((String) rows.get(0)[0], (Long) rows.get(0)[1]), null);
    }

    private static void validate(OfflineSale sale) {
        if (sale == null || sale.saleId() == null) {
            throw new InvalidInputException("sale id", "an offline sale needs the UUID its basket was started with");
        }
        TillNames.require(sale.till());
        if (sale.soldAt() == null || sale.tender() == null || sale.tender().parts().isEmpty()) {
            throw new InvalidInputException("sale", "an offline sale needs its time and payment");
        }
        List<OfflineLine> lines = sale.lines();
        if (lines == null || lines.isEmpty() || lines.size() > SaleService.MAX_LINES) {
            throw new InvalidInputException("items", "an offline sale holds 1 to " + SaleService.MAX_LINES + " lines");
        }
        Set<Long> seen = new LinkedHashSet<>();
        for (OfflineLine line : lines) {
            if (line == null || !seen.add(line.sweetId())) {
                throw new InvalidInputException("items", "an offline sale has one line per sweet");
            }
            Sweets.requireSku(line.sku());
            Texts.requireRange("quantity of " + line.sku(), line.quantity(), 1, Quantity.maxPerLine(line.soldBy()));
            Money.check("price of " + line.sku(), line.unitPrice());
        }
    }
}
