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
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.common.Texts;
import org.sweetshop.common.TillNames;
import org.sweetshop.db.ConstraintViolation;
import org.sweetshop.db.Transactor;
import org.sweetshop.tax.TaxRates;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditLog;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/**
 * Importing a catalogue from CSV ({@code sku,name,category,price,stock,reorder_level}, optionally
 * followed by any of {@code unit,plu,barcodes,tax}): first a
 * {@link #preview} that checks every row and reports every bad value, then {@link #apply}, which
 * adds all the rows in one transaction or nothing.
 *
 * <p>The import adds new sweets only: a SKU already in the catalogue is an error of its row, not an
 * update. A file made from an old export would otherwise quietly put back old prices and names;
 * changes to existing sweets go through {@link CatalogService#edit}, one audited change at a time.
 *
 * <p>{@code unit} is {@code pcs} (counted, the default when blank or absent) or {@code g} (weighed:
 * {@code price} is per kg, {@code stock} and {@code reorder_level} are grams, as {@code 2500},
 * {@code 2500g} or {@code 2.5kg}); {@code plu} is a label scale's 1 to 5 digits; {@code barcodes}
 * are product barcodes separated by spaces or {@code |}, each valid, outside the scale-label range
 * and on no other sweet; {@code tax} is the code of a tax rate (blank: the store's default rate), an
 * unknown code being an error of its row.
 */
public final class CatalogImport {

    public static final List<String> HEADER = List.of("sku", "name", "category", "price", "stock", "reorder_level");
    /** Columns a file may add after {@link #HEADER}, in any order. */
    public static final List<String> OPTIONAL = List.of("unit", "plu", "barcodes", "tax");

    /** One valid row, as it will be added: stock and reorder level in the sweet's unit. */
    public record Row(int row, String sku, String name, String category, BigDecimal price, int stock, int reorderLevel,
                      SoldBy soldBy, Integer plu, List<String> barcodes, String taxCode) {

        /** A row at the store's default tax rate. */
        public Row(int row, String sku, String name, String category, BigDecimal price, int stock, int reorderLevel,
                   SoldBy soldBy, Integer plu, List<String> barcodes) {
            this(row, sku, name, category, price, stock, reorderLevel, soldBy, plu, barcodes, null);
        }

        /** A counted sweet without PLU or barcodes. */
        public Row(int row, String sku, String name, String category, BigDecimal price, int stock, int reorderLevel) {
            this(row, sku, name, category, price, stock, reorderLevel, SoldBy.COUNTED, null, List.of());
        }
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
    private final ScaleLabels labels;

    /** @param openingStock where a new sweet's opening stock is booked: the stock ledger */
    public CatalogImport(Transactor tx, Clock clock, OpeningStock openingStock) {
        this(tx, clock, openingStock, ScaleLabels.defaults());
    }

    /** @param labels the store's scale-label patterns: a barcode in their range is refused */
    public CatalogImport(Transactor tx, Clock clock, OpeningStock openingStock, ScaleLabels labels) {
        this.tx = tx;
        this.clock = clock;
        this.openingStock = openingStock;
        this.labels = labels;
    }

    /**
     * Reads and checks every row; changes nothing. A problem with the file as a whole (size, encoding,
     * header, separator) is refused with an {@link InvalidInputException}; problems with rows are in
     * the preview's errors.
     */
    public Preview preview(Reader csv) {
        CsvTable.Table table = CsvTable.read(csv, HEADER, OPTIONAL);
        List<CsvTable.Row> rows = table.rows();
        List<String> header = table.header();
        List<ImportError> errors = new ArrayList<>();
        List<Row> valid = new ArrayList<>();
        Map<String, Integer> firstRowOfSku = new HashMap<>();
        Map<String, String> firstSkuText = new HashMap<>();
        Map<Integer, Integer> firstRowOfPlu = new HashMap<>();
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        TaxRates rates = header.contains("tax") ? tx.call(em -> TaxRates.read(Transactor.session(em))) : null;
        for (CsvTable.Row raw : rows) {
            ImportValues v = new ImportValues(raw, header, errors);
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
            SoldBy soldBy = header.contains("unit") ? v.check("unit", () -> unit(v.raw("unit"))) : SoldBy.COUNTED;
            SoldBy kind = soldBy == null ? SoldBy.COUNTED : soldBy;
            BigDecimal price = v.check("price", () -> Money.parse(kind.weighed() ? "price per kg" : "price", v.raw("price")));
            Integer stock = v.check("stock", () -> amount("stock", v.raw("stock"), kind));
            Integer reorder = v.check("reorder_level", () -> amount("reorder level", v.raw("reorder_level"), kind));
            Integer plu = header.contains("plu") ? v.check("plu", () -> plu(v.raw("plu"))) : null;
            if (plu != null) {
                Integer first = firstRowOfPlu.putIfAbsent(plu, raw.number());
                if (first != null) {
                    v.fail("plu", "PLU " + String.format("%05d", plu) + " is already on row " + first + " of this file");
                }
            }
            List<String> codes = header.contains("barcodes") ? v.check("barcodes", () -> codes(v.raw("barcodes"), kind)) : List.of();
            if (codes != null) {
                for (String code : codes) {
                    Integer first = firstRowOfCode.putIfAbsent(code, raw.number());
                    if (first != null) {
                        v.fail("barcodes", "barcode " + code + " is already on row " + first + " of this file");
                    }
                }
            }
            String tax = rates == null || v.raw("tax") == null || v.raw("tax").isBlank() ? null
                    : v.check("tax", () -> rates.rate(TaxRates.requireCode("tax", v.raw("tax"))).code());
            if (v.ok()) {
                valid.add(new Row(raw.number(), sku, name, category, price, stock, reorder, kind, plu, codes, tax));
            }
        }
        if (!firstRowOfPlu.isEmpty() || !firstRowOfCode.isEmpty()) {
            List<ImportError> taken = tx.call(em -> takenCodes(em, firstRowOfPlu, firstRowOfCode));
            errors.addAll(taken);
            valid.removeIf(row -> taken.stream().anyMatch(e -> e.row() == row.row()));
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
                List<ImportError> codesTaken = takenCodes(em, plusOf(rows), codesOf(rows));
                if (!codesTaken.isEmpty()) {
                    throw new AlreadyExistsException("sweet", "", "already registered: " + codesTaken.get(0).reason()
                            + " since the preview; nothing imported");
                }
                Map<Sweet, Row> added = new java.util.LinkedHashMap<>();
                TaxRates rates = TaxRates.read(Transactor.session(em));
                for (Row r : rows) {
                    // a rate is never removed: the one the preview found is there; a blank one is the default
                    String tax = r.taxCode() == null ? rates.defaultRate().code() : rates.rate(r.taxCode()).code();
                    Sweet sweet = new Sweet(r.sku(), r.name(), r.category(), r.price(), r.reorderLevel(), now, r.soldBy(), r.plu(), tax);
                    em.persist(sweet);
                    if (r.stock() > 0) {
                        openingStock.book(em, sweet, r.stock(), caller.staffId(), where, "opening stock (import)", now);
                    }
                    added.put(sweet, r);
                }
                em.flush();
                added.forEach((sweet, r) -> r.barcodes().forEach(code -> Barcodes.insert(em, code, sweet.getId())));
                AuditLog.record(em, caller.staffId(), AuditAction.CATALOG_IMPORT, "catalogue", null,
                        rows.size() + " sweets added: " + Texts.shorten(rows.get(0).sku() + " ... " + rows.get(rows.size() - 1).sku()),
                        where, now);
                return new ImportResult(rows.size(), rows.stream().map(Row::sku).toList());
            });
        } catch (ConstraintViolation e) {
            if (e.is("sweet_sku_uq") || e.is(Sweets.SKU_IGNORING_CASE_UQ) || e.is("sweet_plu_uq") || e.is(Barcodes.CODE_TAKEN)) {
                throw new AlreadyExistsException("sweet", "", "already registered: a sweet of the file was added by someone else"
                        + " since the preview; nothing imported");
            }
            throw e;
        }
    }

    private static SoldBy unit(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "", "pcs" -> SoldBy.COUNTED;
            case "g" -> SoldBy.WEIGHED;
            default -> throw new InvalidInputException("unit", "unit must be pcs (counted) or g (weighed, price per kg), not '"
                    + Texts.shorten(t) + "'");
        };
    }

    /**
     * Stock or a reorder level: a count; for a weighed sweet grams, bare or as 2500g / 2.5kg. Blank is
     * 0. A weight for a counted sweet is refused as {@link Quantity} refuses it (the row's unit is
     * likely missing).
     */
    private static int amount(String field, String text, SoldBy soldBy) {
        if ((soldBy.weighed() || Quantity.isWeight(text)) && text != null && !text.isBlank() && !text.strip().matches("-?\\d{1,12}")) {
            return Quantity.parse(field, text, soldBy, 0, CatalogService.MAX_OPENING_STOCK);
        }
        return ImportValues.wholeNumber(field, text, 0, 0, CatalogService.MAX_OPENING_STOCK);
    }

    private static Integer plu(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return CatalogService.requirePlu(ImportValues.wholeNumber("PLU", text, null, 1, 99_999));
    }

    private List<String> codes(String text, SoldBy soldBy) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> codes = Barcodes.checkAll(labels, List.of(text.strip().split("[\\s|]+")));
        if (soldBy.weighed() && !codes.isEmpty()) {
            throw new InvalidInputException("barcodes", "a weighed sweet is found by its PLU on a scale label, not by a pack's barcode");
        }
        return codes;
    }

    private static Map<Integer, Integer> plusOf(List<Row> rows) {
        Map<Integer, Integer> out = new HashMap<>();
        rows.stream().filter(r -> r.plu() != null).forEach(r -> out.put(r.plu(), r.row()));
        return out;
    }

    private static Map<String, Integer> codesOf(List<Row> rows) {
        Map<String, Integer> out = new HashMap<>();
        rows.forEach(r -> r.barcodes().forEach(code -> out.put(code, r.row())));
        return out;
    }

    /** An error for each PLU or barcode of the file that a sweet of the catalogue already has. */
    private static List<ImportError> takenCodes(EntityManager em, Map<Integer, Integer> plus, Map<String, Integer> codes) {
        List<ImportError> out = new ArrayList<>();
        if (!plus.isEmpty()) {
            for (Sweet s : em.createQuery("select s from Sweet s where s.plu in :plus", Sweet.class)
                    .setParameter("plus", plus.keySet()).getResultList()) {
                out.add(new ImportError(plus.get(s.getPlu()), "plu", "PLU " + String.format("%05d", s.getPlu()) + " is on "
                        + s.getName() + " (" + s.getSku() + ")"));
            }
        }
        for (Map.Entry<String, Integer> code : codes.entrySet()) {
            Barcodes.owner(em, code.getKey()).ifPresent(s -> out.add(new ImportError(code.getValue(), "barcodes",
                    "barcode " + code.getKey() + " is on " + s.getName() + " (" + s.getSku() + ")")));
        }
        return out;
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
        int j = OPTIONAL.indexOf(column);
        return i >= 0 ? i : j >= 0 ? HEADER.size() + j : -1;
    }
}
