package org.sweetshop.journal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweetshop.catalog.Sweets;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.NotForSaleException;
import org.sweetshop.common.OfflineRefusedException;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.Texts;
import org.sweetshop.common.TillNames;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.PaymentMethod;
import org.sweetshop.sale.Tender;
import org.sweetshop.sale.Pricing;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.SaleService;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;

/**
 * Checkout while the store database cannot be reached (offline selling on): the basket is checked
 * as checkout checks it (the same limits), priced from the {@link CatalogueSnapshot} with the same
 * {@link Pricing}, and written to the {@link Journal} under its sale id before the receipt (marked
 * {@value #RECEIPT_NO}) is returned. Coupons and promo codes are refused: their single use or
 * limit can only be checked by the store database. Stock is not checked (the snapshot's is stale):
 * a sale the stock no longer covers when it is replayed becomes a discrepancy, never a lost sale.
 * The same sale id sent again returns the receipt already journaled.
 */
public final class OfflineTill {

    /** What an offline receipt shows where the receipt number goes (numbers are given by the store database). */
    public static final String RECEIPT_NO = "OFFLINE";

    private final Journal journal;
    private final CatalogueSnapshot catalogue;
    private final Clock clock;

    public OfflineTill(Journal journal, CatalogueSnapshot catalogue, Clock clock) {
        this.journal = journal;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public Receipt sell(Caller caller, CheckoutRequest request) {
        Caller.require(caller, Role.CASHIER, "sell");
        if (request == null || request.saleId() == null) {
            throw new InvalidInputException("sale id", "a sale needs the UUID its basket was started with");
        }
        var already = journal.find(request.saleId());
        if (already.isPresent()) {
            return already.get().receipt(true);
        }
        if (request.couponToken() != null && !request.couponToken().isBlank()) {
            throw OfflineRefusedException.coupon();
        }
        if (request.promoCode() != null && !request.promoCode().isBlank()) {
            throw OfflineRefusedException.promo();
        }
        String till = TillNames.require(request.till());
        Map<String, Integer> merged = merge(request.lines());
        CatalogueSnapshot.Content snapshot = catalogue.load().orElseThrow(() -> new DatabaseUnreachableException(
                "the store database cannot be reached, and this till has no copy of the catalogue to sell from offline"
                        + " (it is kept each time the till sells online)", null));
        Map<String, CatalogueSnapshot.Item> bySku = new HashMap<>();
        snapshot.sweets().forEach(item -> bySku.put(item.sku(), item));

        List<JournalLine> lines = new ArrayList<>();
        List<Pricing.Line> priced = new ArrayList<>();
        for (Map.Entry<String, Integer> line : merged.entrySet()) {
            CatalogueSnapshot.Item item = bySku.get(line.getKey());
            if (item == null) {
                throw Sweets.unknown(line.getKey());
            }
            if (!item.active()) {
                throw new NotForSaleException(item.sku(), item.name());
            }
            // pieces, or grams of a weighed sweet (its price per kg, the line rounded once: Pricing.Line)
            int quantity = Texts.requireRange("quantity of " + item.sku(), line.getValue(), 1, Quantity.maxPerLine(item.soldBy()));
            Pricing.Line pricedLine = new Pricing.Line(item.price(), quantity, item.soldBy());
            BigDecimal lineTotal = pricedLine.total().setScale(Money.SCALE);
            lines.add(new JournalLine(JournalLine.kindOf(item.soldBy()), item.id(), item.sku(), item.name(), quantity, item.price(),
                    lineTotal));
            priced.add(pricedLine);
        }
        Pricing pricing = Pricing.of(priced, null, null);
        if (pricing.subtotal().compareTo(Money.MAX_SALE) > 0) {
            throw new InvalidInputException("items", "a sale cannot be more than " + Money.format(Money.MAX_SALE)
                    + "; this basket comes to " + Money.format(pricing.subtotal()));
        }
        // offline the store's cash rounding cannot be asked: the cash pays the exact amount
        Tender tender = Tender.settle(pricing.total(), request.paidWith(), BigDecimal.ZERO);
        PaymentMethod method = tender.method() == null ? PaymentMethod.CARD : tender.method();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        JournalEntry entry = new JournalEntry(JournalEntry.FORMAT, request.saleId(), till, caller.username(), caller.staffId(), now,
                lines, method, tender.cashTendered(), pricing.subtotal(), pricing.total(),
                tender.cashTendered() == null ? null : tender.change(), tender.parts(), tender.cashRounding());
        journal.write(entry);
        return entry.receipt(false);
    }

    private static Map<String, Integer> merge(List<BasketLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidInputException("items", "the basket is empty");
        }
        if (lines.size() > SaleService.MAX_LINES) {
            throw new InvalidInputException("items", "a basket holds at most " + SaleService.MAX_LINES + " lines");
        }
        Map<String, Integer> merged = new LinkedHashMap<>();
        for (BasketLine line : lines) {
            if (line == null) {
                throw new InvalidInputException("items", "a basket line is missing");
            }
            String sku = Sweets.requireSku(line.sku());
            // the most either kind allows here; each sweet's own limit once it is looked up
            int quantity = Texts.requireRange("quantity of " + sku, line.quantity(), 1, Quantity.MAX_GRAMS);
            int total = merged.merge(sku, quantity, Integer::sum);
            Texts.requireRange("quantity of " + sku, total, 1, Quantity.MAX_GRAMS);
        }
        return merged;
    }
}
