package org.sweetshop.stock;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sweetshop.catalog.CsvTable;
import org.sweetshop.catalog.ImportError;
import org.sweetshop.catalog.ImportPreview;
import org.sweetshop.catalog.ImportValues;
import org.sweetshop.catalog.Sweet;
import org.sweetshop.catalog.Sweets;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.common.Texts;
import org.sweetshop.common.TillNames;
import org.sweetshop.db.Transactor;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditLog;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/**
 * A supplier's delivery from CSV ({@code sku,qty}; {@code qty} a count, or a weight such as
 * {@code 5kg} or {@code 2500g} for a weighed sweet, read by {@link Quantity#parse}: a bare number
 * for a weighed sweet is refused, as grams or kilograms could be meant, and so is a weight for a
 * counted one): a {@link #preview} that checks every row, then
 * {@link #apply}, which restocks every line in one transaction or nothing. It locks all the
 * delivery's sweets at once in ascending id order (the lock order of DESIGN.md), so it waits for
 * sales of those sweets and they wait for it, and no sale or restock is lost. One line per sweet: a
 * SKU twice in one file is an error (a note that lists a sweet twice is usually a typing slip).
 */
public final class DeliveryImport {

    public static final List<String> HEADER = List.of("sku", "qty");

    /** One valid line of the delivery: {@code quantity} in the sweet's unit (pieces or grams). */
    public record Line(int row, String sku, int quantity) {
    }

    /** A line read, its quantity not yet checked against its sweet's kind. */
    private record Raw(int row, String sku, String quantity, boolean ok) {
    }

    /** What {@link #preview} found; only it makes one. */
    public static final class Preview extends ImportPreview<Line> {
        Preview(int rows, List<Line> valid, List<ImportError> errors) {
            super(rows, valid, errors);
        }
    }

    /** What a delivery changed: one stock change per line, in the file's order; pieces and grams added. */
    public record DeliveryResult(List<StockChange> changes, long units, long grams) {
    }

    private final Transactor tx;
    private final Clock clock;

    public DeliveryImport(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Reads and checks every line, including that each SKU is in the catalogue; changes nothing. */
    public Preview preview(Reader csv) {
        List<CsvTable.Row> rows = CsvTable.read(csv, HEADER);
        List<ImportError> errors = new ArrayList<>();
        List<Raw> read = new ArrayList<>();
        List<Line> valid = new ArrayList<>();
        Map<String, Integer> firstRowOfSku = new HashMap<>();
        for (CsvTable.Row raw : rows) {
            ImportValues v = new ImportValues(raw, HEADER, errors);
            String sku = v.check("sku", () -> Sweets.requireSku(v.raw("sku")));
            if (sku != null) {
                Integer first = firstRowOfSku.putIfAbsent(sku, raw.number());
                if (first != null) {
                    v.fail("sku", "SKU " + sku + " is already on row " + first + " of this file: one line per sweet");
                }
            }
            // a count, or a weight (250g, 5kg) for a weighed sweet: checked against the sweet's kind below
            String qty = v.check("qty", () -> {
                String text = v.raw("qty") == null ? "" : v.raw("qty").strip();
                if (text.isEmpty()) {
                    throw new InvalidInputException("qty", "qty is missing");
                }
                return text;
            });
            if (qty != null) {
                read.add(new Raw(raw.number(), sku, qty, v.ok()));
            }
        }
        Map<String, SoldBy> known = firstRowOfSku.isEmpty() ? Map.of() : tx.call(em -> {
                Map<String, SoldBy> found = new HashMap<>();
                List<String> all = new ArrayList<>(firstRowOfSku.keySet());
                for (int from = 0; from < all.size(); from += 1000) {
                    for (Object[] row : em.createQuery("select s.sku, s.soldBy from Sweet s where s.sku in :skus", Object[].class)
                            .setParameter("skus", all.subList(from, Math.min(all.size(), from + 1000))).getResultList()) {
                        found.put((String) row[0], (SoldBy) row[1]);
                    }
                }
                return found;
            });
        for (Map.Entry<String, Integer> e : firstRowOfSku.entrySet()) {
            if (!known.containsKey(e.getKey())) {
                errors.add(new ImportError(e.getValue(), "sku", "unknown sweet: no SKU " + e.getKey() + " in the catalogue"));
            }
        }
        for (Raw line : read) {
            // an unknown sweet's quantity is checked in the form it has: a count, or a weight
            SoldBy soldBy = line.sku() != null && known.containsKey(line.sku()) ? known.get(line.sku())
                    : Quantity.isWeight(line.quantity()) ? SoldBy.WEIGHED : SoldBy.COUNTED;
            try {
                // a weight for a counted sweet is refused as Quantity refuses it: sold by the piece
                int quantity = soldBy.weighed() || Quantity.isWeight(line.quantity())
                        ? Quantity.parse("qty", line.quantity(), soldBy, 1, StockService.maxRestock(soldBy))
                        : ImportValues.wholeNumber("qty", line.quantity(), null, 1, StockService.MAX_RESTOCK);
                if (line.ok() && known.containsKey(line.sku())) {
                    valid.add(new Line(line.row(), line.sku(), quantity));
                }
            } catch (InvalidInputException e) {
                errors.add(new ImportError(line.row(), "qty", e.getMessage()));
            }
        }
        errors.sort(java.util.Comparator.comparingInt(ImportError::row).thenComparingInt(e -> HEADER.indexOf(e.column())));
        return new Preview(rows.size(), valid, errors);
    }

    /**
     * Restocks every line of a valid preview in one transaction, each with its restock movement:
     * all or nothing. Managers and owners only.
     */
    public DeliveryResult apply(Caller caller, Preview preview, String till, String reason) {
        Caller.require(caller, Role.MANAGER, "restock");
        String where = TillNames.optional(till);
        String why = reason == null ? "delivery" : Texts.requireText("reason", reason, 200);
        if (preview == null) {
            throw new InvalidInputException("file", "no preview to import");
        }
        if (!preview.ok()) {
            throw new InvalidInputException("file", "nothing restocked: " + preview.badRows() + " of " + preview.rows()
                    + " rows have errors (first: " + preview.errors().get(0) + ")");
        }
        List<Line> lines = preview.valid();
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            // one statement locks them all, in ascending id order; a SKU renamed since the preview is unknown
            Map<String, Sweet> locked = new HashMap<>();
            for (Sweet s : Sweets.lockInIdOrder(em, lines.stream().map(Line::sku).toList())) {
                locked.put(s.getSku(), s);
            }
            Instant now = clock.instant();
            List<StockChange> changes = new ArrayList<>();
            long units = 0;
            long grams = 0;
            for (Line line : lines) {
                Sweet sweet = locked.get(line.sku());
                StockLedger.record(em, sweet, line.quantity(), MovementKind.RESTOCK, caller.staffId(), where, why, null, now);
                changes.add(StockChange.of(sweet, line.quantity()));
                if (sweet.getSoldBy().weighed()) {
                    grams += line.quantity();
                } else {
                    units += line.quantity();
                }
            }
            AuditLog.record(em, caller.staffId(), AuditAction.DELIVERY_IMPORT, "delivery", null,
                    lines.size() + " lines, +" + units + " units" + (grams > 0 ? ", +" + grams + " g" : ""), where, now);
            return new DeliveryResult(changes, units, grams);
        });
    }
}
