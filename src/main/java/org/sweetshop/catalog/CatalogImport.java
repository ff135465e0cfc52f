package org.sweetshop.catalog;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.persistence.EntityManager;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.Texts;
import org.sweetshop.common.TillNames;
import org.sweetshop.db.ConstraintViolation;
import org.sweetshop.db.Transactor;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditLog;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/**
 * Importing a catalogue from CSV ({@code sku,name,category,price,stock,reorder_level}): first a
 * {@link #preview} that checks every row and reports every bad value, then {@link #apply}, which
 * adds all the rows in one transaction or nothing.
 *
 * <p>The import adds new sweets only: a SKU already in the catalogue is an error of its row, not an
 * update. A file made from an old export would otherwise quietly put back old prices and names;
 * changes to existing sweets go through {@link CatalogService#edit}, one audited change at a time.
 */
public final class CatalogImport {

    public static final List<String> HEADER = List.of("sku", "name", "category", "price", "stock", "reorder_level");

    /** One valid row, as it will be added. */
    public record Row(int row, String sku, String name, String category, BigDecimal price, int stock, int reorderLevel) {
    }

    /**
     * What {@link #preview} found: the rows that are valid and an error per bad value. Only
     * {@code preview} makes one, so {@link #apply} gets rows that were checked.
     */
    public static final class Preview extends ImportPreview<Row> {
        Preview(int rows, List<Row> valid, List<ImportError> errors) {
            super(rows, valid, errors);
        }
    }

    /** What an import added. */
    public record ImportResult(int imported, List<String> skus) {
    }

    private final Transactor tx;
    private final Clock clock;
    private final OpeningStock openingStock;

    /** @param openingStock where a new sweet's opening stock is booked: the stock ledger */
    public CatalogImport(Transactor tx, Clock clock, OpeningStock openingStock) {
        this.tx = tx;
        this.clock = clock;
        this.openingStock = openingStock;
    }

    /**
     * Reads and checks every row; changes nothing. A problem with the file as a whole (size, encoding,
     * header, separator) is refused with an {@link InvalidInputException}; problems with rows are in
     * the preview's errors.
     */
    public Preview preview(Reader csv) {
        List<CsvTable.Row> rows = CsvTable.read(csv, HEADER);
        List<ImportError> errors = new ArrayList<>();
        List<Row> valid = new ArrayList<>();
        Map<String, Integer> firstRowOfSku = new HashMap<>();
        Map<String, String> firstSkuText = new HashMap<>();
        for (CsvTable.Row raw : rows) {
            ImportValues v = new ImportValues(raw, HEADER, errors);
            String sku = v.check("sku", () -> Sweets.requireSku(v.raw("sku")));
            if (sku != null) {
                // SKUs are unique ignoring case: FUDGE after fudge is the same SKU
                Integer first = firstRowOfSku.putIfAbsent(Sweets.key(sku), raw.number());
                String firstText = firstSkuText.putIfAbsent(Sweets.key(sku), sku);
                if (first != null) {
                    v.fail("sku", "SKU " + sku + " is already on row " + first + " of this file"
                            + (sku.equals(firstText) ? "" : " as " + firstText + " (SKUs that differ only in case are one SKU)"));
                }
            }
            String name = v.check("name", () -> Texts.requireText("name", v.raw("name"), 120));
            String category = v.check("category", () -> v.raw("category").isBlank() ? "Sweets"
                    : Texts.requireText("category", v.raw("category"), 60));
            BigDecimal price = v.check("price", () -> Money.parse("price", v.raw("price")));
            Integer stock = v.check("stock", () -> ImportValues.wholeNumber("stock", v.raw("stock"), 0, 0,
                    CatalogService.MAX_OPENING_STOCK));
            Integer reorder = v.check("reorder_level", () -> ImportValues.wholeNumber("reorder level", v.raw("reorder_level"), 0, 0,
                    CatalogService.MAX_OPENING_STOCK));
            if (v.ok()) {
                valid.add(new Row(raw.number(), sku, name, category, price, stock, reorder));
            }
        }
        if (!firstRowOfSku.isEmpty()) {
            Map<String, String> existing = tx.call(em -> existing(em, firstRowOfSku.keySet()));
            for (Map.Entry<String, String> found : existing.entrySet()) {
                String inFile = valid.stream().filter(r -> Sweets.key(r.sku()).equals(found.getKey())).map(Row::sku).findFirst()
                        .orElse(found.getValue());
                errors.add(new ImportError(firstRowOfSku.get(found.getKey()), "sku", "SKU " + inFile
                        + " is already in the catalogue" + (inFile.equals(found.getValue()) ? "" : " as " + found.getValue())
                        + ": the import only adds new sweets (change existing ones with edit)"));
            }
            valid.removeIf(row -> existing.containsKey(Sweets.key(row.sku())));
        }
        errors.sort(java.util.Comparator.comparingInt(ImportError::row).thenComparingInt(e -> columnOrder(e.column())));
        return new Preview(rows.size(), valid, errors);
    }

    /**
     * Adds every row of a valid preview, with its opening stock as a restock movement, in one
     * transaction: all of them or none. Managers and owners only. A preview with any error is refused
     * whole; a SKU added by someone else since the preview refuses the whole import too.
     */
    public ImportResult apply(Caller caller, Preview preview, String till) {
        Caller.require(caller, Role.MANAGER, "import a catalogue");
        String where = TillNames.optional(till);
        if (preview == null) {
            throw new InvalidInputException("file", "no preview to import");
        }
        if (!preview.ok()) {
            throw new InvalidInputException("file", "nothing imported: " + preview.badRows() + " of " + preview.rows()
                    + " rows have errors (first: " + preview.errors().get(0) + ")");
        }
        List<Row> rows = preview.valid();
        try {
            return tx.call(em -> {
                StaffService.requireActive(em, caller);
                Set<String> skus = new HashSet<>();
                rows.forEach(r -> skus.add(Sweets.key(r.sku())));
                Map<String, String> taken = existing(em, skus);
                if (!taken.isEmpty()) {
                    throw alreadyThere(taken.values().iterator().next());
                }
                Instant now = clock.instant();
                for (Row r : rows) {
                    Sweet sweet = new Sweet(r.sku(), r.name(), r.category(), r.price(), r.reorderLevel(), now);
                    em.persist(sweet);
                    if (r.stock() > 0) {
                        openingStock.book(em, sweet, r.stock(), caller.staffId(), where, "opening stock (import)", now);
                    }
                }
                em.flush();
                AuditLog.record(em, caller.staffId(), AuditAction.CATALOG_IMPORT, "catalogue", null,
                        rows.size() + " sweets added: " + Texts.shorten(rows.get(0).sku() + " ... " + rows.get(rows.size() - 1).sku()),
                        where, now);
                return new ImportResult(rows.size(), rows.stream().map(Row::sku).toList());
            });
        } catch (ConstraintViolation e) {
            if (e.is("sweet_sku_uq") || e.is(Sweets.SKU_IGNORING_CASE_UQ)) {
                throw new AlreadyExistsException("sweet", "", "already registered: a sweet of the file was added by someone else"
                        + " since the preview; nothing imported");
            }
            throw e;
        }
    }

    private static AlreadyExistsException alreadyThere(String sku) {
        return new AlreadyExistsException("sweet", sku, "already registered: SKU " + sku
                + " was added to the catalogue since the preview; nothing imported");
    }

    /**
     * The catalogue's SKUs matching these keys ({@link Sweets#key}: SKUs compared ignoring case), as
     * key to the SKU as the catalogue spells it; the lookup uses the {@code lower(sku)} index.
     */
    private static Map<String, String> existing(EntityManager em, Set<String> keys) {
        Map<String, String> found = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 1000) {
            for (String sku : em.createQuery("select s.sku from Sweet s where lower(s.sku) in :keys", String.class)
                    .setParameter("keys", all.subList(from, Math.min(all.size(), from + 1000)))
                    .getResultList()) {
                found.put(Sweets.key(sku), sku);
            }
        }
        return found;
    }

    private static int columnOrder(String column) {
        int i = HEADER.indexOf(column);
        return i < 0 ? -1 : i;
    }
}
