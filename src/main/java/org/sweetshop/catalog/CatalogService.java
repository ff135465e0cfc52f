package org.sweetshop.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.SoldBy;
import org.sweetshop.common.Texts;
import org.sweetshop.common.TillNames;
import org.sweetshop.db.ConstraintViolation;
import org.sweetshop.db.Transactor;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditLog;
import org.sweetshop.tax.TaxRateView;
import org.sweetshop.tax.TaxRates;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/** The catalogue: sweets, their prices and whether they are for sale. */
public final class CatalogService {

    public static final int MAX_OPENING_STOCK = 1_000_000;

    private final Transactor tx;
    private final Clock clock;
    private final OpeningStock openingStock;
    private final ScaleLabels labels;

    /** @param openingStock where a new sweet's opening stock is booked: the stock ledger */
    public CatalogService(Transactor tx, Clock clock, OpeningStock openingStock) {
        this(tx, clock, openingStock, ScaleLabels.defaults());
    }

    /** @param labels the store's scale-label patterns ({@code labels.patterns}) */
    public CatalogService(Transactor tx, Clock clock, OpeningStock openingStock, ScaleLabels labels) {
        this.tx = tx;
        this.clock = clock;
        this.openingStock = openingStock;
        this.labels = labels;
    }

    /** The store's scale-label patterns. */
    public ScaleLabels labels() {
        return labels;
    }

    /**
     * Adds a sweet; its opening stock is recorded as a restock movement so stock = sum of movements.
     * A weighed sweet's price is per kg and its stock and reorder level grams; its PLU (optional) and
     * its barcodes (each valid, outside the scale-label range and on no other sweet) are added with it.
     */
    public SweetView add(Caller caller, NewSweet request, String till) {
        Caller.require(caller, Role.MANAGER, "add sweets to the catalogue");
        if (request == null) {
            throw new InvalidInputException("sweet", "no sweet to add");
        }
        String where = TillNames.optional(till);
        String sku = Sweets.requireSku(request.sku());
        String name = Texts.requireText("name", request.name(), 120);
        String category = request.category() == null || request.category().isBlank()
                ? "Sweets" : Texts.requireText("category", request.category(), 60);
        SoldBy soldBy = request.kind();
        var price = Money.check(soldBy.weighed() ? "price per kg" : "price", request.price());
        String unit = soldBy.weighed() ? " (grams)" : "";
        int stock = Texts.requireRange("stock" + unit, request.openingStock(), 0, MAX_OPENING_STOCK);
        int reorder = Texts.requireRange("reorder level" + unit, request.reorderLevel(), 0, MAX_OPENING_STOCK);
        Integer plu = request.plu() == null ? null : requirePlu(request.plu());
        List<String> codes = Barcodes.checkAll(labels, request.barcodes());
        if (soldBy.weighed() && !codes.isEmpty()) {
            throw weighedBarcode(name);
        }
        String taxCode = request.taxCode() == null ? null : TaxRates.requireCode("tax", request.taxCode());
        try {
            return tx.call(em -> {
                StaffService.requireActive(em, caller);
                TaxRates rates = TaxRates.read(Transactor.session(em));
                String tax = taxCode == null ? rates.defaultRate().code() : rates.rate(taxCode).code();
                if (plu != null) {
                    pluOwner(em, plu).ifPresent(owner -> {
                        throw pluTaken(plu, owner);
                    });
                }
                for (String code : codes) {
                    Barcodes.owner(em, code).ifPresent(owner -> {
                        throw Barcodes.taken(code, owner);
                    });
                }
                Instant now = clock.instant();
                Sweet sweet = new Sweet(sku, name, category, price, reorder, now, soldBy, plu, tax);
                em.persist(sweet);
                if (stock > 0) {
                    openingStock.book(em, sweet, stock, caller.staffId(), where, "opening stock", now);
                }
                em.flush();
                for (String code : codes) {
                    Barcodes.insert(em, code, sweet.getId());
                }
                AuditLog.record(em, caller.staffId(), AuditAction.SWEET_ADD, sku, null,
                        Money.format(price) + (soldBy.weighed() ? "/kg" : ""), where, now);
                for (String code : codes) {
                    AuditLog.record(em, caller.staffId(), AuditAction.BARCODE_ADD, sku, null, code, where, now);
                }
                return sweet.view();
            });
        } catch (ConstraintViolation e) {
            throw translate(e, sku, plu, codes);
        }
    }

    /** The store's tax rates, by code: what a sweet may be sold at (the back office's picker). */
    public List<TaxRateView> taxRates() {
        return tx.call(em -> List.copyOf(TaxRates.read(Transactor.session(em)).rates().values()));
    }

    /** A PLU: 1 to 99999, as a label scale's 5 digits carry it. */
    public static int requirePlu(long plu) {
        return Texts.requireRange("PLU", plu, 1, 99_999);
    }

    /**
     * Adds a product barcode to a sweet (managers and owners; audit-logged). The code must be valid,
     * outside the scale-label range and on no other sweet; UPC-A is kept as its EAN-13. Returns the
     * code as kept.
     */
    public String addBarcode(Caller caller, String sku, String code, String till) {
        Caller.require(caller, Role.MANAGER, "edit the catalogue");
        String where = TillNames.optional(till);
        String checkedSku = Sweets.requireSku(sku);
        String digits = Barcodes.check(labels, code).digits();
        try {
            return tx.call(em -> {
                StaffService.requireActive(em, caller);
                Sweet sweet = Sweets.lockOne(em, checkedSku);
                if (sweet.getSoldBy().weighed()) {
                    throw weighedBarcode(sweet.getName());
                }
                Barcodes.owner(em, digits).ifPresent(owner -> {
                    throw owner.getId().equals(sweet.getId())
                            ? new AlreadyExistsException("barcode", digits, "already registered: barcode " + digits + " is already on "
                                    + sweet.getName() + " (" + sweet.getSku() + ")")
                            : Barcodes.taken(digits, owner);
                });
                if (Barcodes.of(em, sweet.getId()).size() >= Barcodes.MAX_PER_SWEET) {
                    throw new InvalidInputException("barcode", "a sweet carries at most " + Barcodes.MAX_PER_SWEET + " barcodes");
                }
                Barcodes.insert(em, digits, sweet.getId());
                AuditLog.record(em, caller.staffId(), AuditAction.BARCODE_ADD, sweet.getSku(), null, digits, where, clock.instant());
                return digits;
            });
        } catch (ConstraintViolation e) {
            throw translate(e, checkedSku, null, List.of(digits));
        }
    }

    /** The product barcodes on a sweet, in the order added. */
    public List<String> barcodes(String sku) {
        String checkedSku = Sweets.requireSku(sku);
        return tx.call(em -> {
            Sweet sweet = em.createQuery("select s from Sweet s where s.sku = :sku", Sweet.class).setParameter("sku", checkedSku)
                    .getResultStream().findFirst().orElseThrow(() -> Sweets.unknown(checkedSku));
            return Barcodes.of(em, sweet.getId());
        });
    }

    /** Sets (or, with null, clears) a sweet's PLU; audit-logged with the old and the new PLU. */
    public SweetView changePlu(Caller caller, String sku, Integer plu, String till) {
        Caller.require(caller, Role.MANAGER, "edit the catalogue");
        String where = TillNames.optional(till);
        String checkedSku = Sweets.requireSku(sku);
        Integer checked = plu == null ? null : requirePlu(plu);
        try {
            return tx.call(em -> {
                StaffService.requireActive(em, caller);
                Sweet sweet = Sweets.lockOne(em, checkedSku);
                if (java.util.Objects.equals(sweet.getPlu(), checked)) {
                    return sweet.view();
                }
                if (checked != null) {
                    pluOwner(em, checked).ifPresent(owner -> {
                        throw pluTaken(checked, owner);
                    });
                }
                AuditLog.record(em, caller.staffId(), AuditAction.PLU_CHANGE, sweet.getSku(), plu(sweet.getPlu()), plu(checked),
                        where, clock.instant());
                sweet.changePlu(checked);
                em.flush();
                return sweet.view();
            });
        } catch (ConstraintViolation e) {
            throw translate(e, checkedSku, checked, List.of());
        }
    }

    /**
     * What a scanned or typed code stands for (read only, no locks): a scale label when the digits
     * match one of the store's patterns, else a product barcode. See {@link CodeResolver}.
     */
    public ScannedItem resolveCode(String text) {
        return tx.call(em -> new CodeResolver(em, labels).resolve(text));
    }

    private static InvalidInputException weighedBarcode(String name) {
        return new InvalidInputException("barcode", name + " is sold by weight: it is found by its PLU on a scale label, not by"
                + " a pack's barcode (sell packs as a counted sweet of their own)");
    }

    private static String plu(Integer plu) {
        return plu == null ? null : String.format("%05d", plu);
    }

    private static java.util.Optional<Sweet> pluOwner(jakarta.persistence.EntityManager em, int plu) {
        return em.createQuery("select s from Sweet s where s.plu = :plu", Sweet.class).setParameter("plu", plu)
                .getResultStream().findFirst();
    }

    private static AlreadyExistsException pluTaken(int plu, Sweet owner) {
        return new AlreadyExistsException("PLU", plu(plu), "already registered: PLU " + plu(plu) + " is on " + owner.getName()
                + " (" + owner.getSku() + ")");
    }

    /** A constraint a lost race ran into (SKU, PLU or barcode taken meanwhile), naming the sweet that has it. */
    private RuntimeException translate(ConstraintViolation e, String sku, Integer plu, List<String> codes) {
        AlreadyExistsException taken = Sweets.skuTaken(e, sku);
        if (taken != null) {
            return taken;
        }
        if (e.is("sweet_plu_uq") && plu != null) {
            return tx.call(em -> pluOwner(em, plu).map(owner -> pluTaken(plu, owner))
                    .orElse(new AlreadyExistsException("PLU", plu(plu), "already registered: PLU " + plu(plu) + " is taken")));
        }
        if (e.is(Barcodes.CODE_TAKEN)) {
            for (String code : codes) {
                var owner = tx.call(em -> Barcodes.owner(em, code));
                if (owner.isPresent()) {
                    return Barcodes.taken(code, owner.get());
                }
            }
        }
        return e;
    }

    /** Changes a sweet's price; recorded in the audit log with the old and the new price. */
    public SweetView changePrice(Caller caller, String sku, BigDecimal price) {
        Caller.require(caller, Role.MANAGER, "change prices");
        if (price == null) {
            throw new InvalidInputException("price", "price is missing");
        }
        return edit(caller, sku, SweetEdit.price(price), null);
    }

    /** As {@link #edit(Caller, String, SweetEdit, String)} from no particular till. */
    public SweetView edit(Caller caller, String sku, SweetEdit changes) {
        return edit(caller, sku, changes, null);
    }

    /**
     * Edits a sweet: name, category, price, reorder level, SKU; managers and owners only. The sweet's
     * row is locked, so two managers changing one price at once are applied one after the other and
     * each audit entry holds the price it really replaced. Every field that changes gets its audit
     * entry (old, new) in the same transaction; a field set to what it already was records nothing.
     * A new SKU must be free (else "already registered"); the sweet keeps its id, so its sales and
     * movements stay with it.
     */
    public SweetView edit(Caller caller, String sku, SweetEdit changes, String till) {
        Caller.require(caller, Role.MANAGER, "edit the catalogue");
        String where = TillNames.optional(till);
        String checkedSku = Sweets.requireSku(sku);
        if (changes == null || changes.empty()) {
            throw new InvalidInputException("changes", "nothing to change: give a new name, category, price, reorder level, SKU"
                    + " or tax rate");
        }
        String taxCode = changes.taxCode() == null ? null : TaxRates.requireCode("tax", changes.taxCode());
        String newSku = changes.sku() == null ? null : Sweets.requireSku(changes.sku());
        String name = changes.name() == null ? null : Texts.requireText("name", changes.name(), 120);
        String category = changes.category() == null ? null : Texts.requireText("category", changes.category(), 60);
        BigDecimal price = changes.price() == null ? null : Money.check("price", changes.price());
        Integer reorder = changes.reorderLevel() == null ? null
                : Texts.requireRange("reorder level", changes.reorderLevel(), 0, MAX_OPENING_STOCK);
        try {
            return tx.call(em -> {
                StaffService.requireActive(em, caller);
                // the rates first: an unknown code is refused before the sweet is locked, and changes nothing
                String tax = taxCode == null ? null : TaxRates.read(Transactor.session(em)).rate(taxCode).code();
                Sweet sweet = Sweets.lockOne(em, checkedSku);
                Instant now = clock.instant();
                long who = caller.staffId();
                if (tax != null && !tax.equals(sweet.getTaxCode())) {
                    AuditLog.record(em, who, AuditAction.TAX_CHANGE, sweet.getSku(), sweet.getTaxCode(), tax, where, now);
                    sweet.changeTaxCode(tax);
                }
                if (price != null && sweet.getPrice().compareTo(price) != 0) {
                    AuditLog.record(em, who, AuditAction.PRICE_CHANGE, sweet.getSku(), Money.format(sweet.getPrice()),
                            Money.format(price), where, now);
                    sweet.changePrice(price);
                }
                if (name != null && !name.equals(sweet.getName())) {
                    AuditLog.record(em, who, AuditAction.NAME_CHANGE, sweet.getSku(), sweet.getName(), name, where, now);
                    sweet.rename(name);
                }
                if (category != null && !category.equals(sweet.getCategory())) {
                    AuditLog.record(em, who, AuditAction.CATEGORY_CHANGE, sweet.getSku(), sweet.getCategory(), category, where, now);
                    sweet.changeCategory(category);
                }
                if (reorder != null && reorder != sweet.getReorderLevel()) {
                    AuditLog.record(em, who, AuditAction.REORDER_LEVEL_CHANGE, sweet.getSku(),
                            Integer.toString(sweet.getReorderLevel()), reorder.toString(), where, now);
                    sweet.changeReorderLevel(reorder);
                }
                if (newSku != null && !newSku.equals(sweet.getSku())) {
                    // last, so the entries above name the sweet as it was known when they were made
                    AuditLog.record(em, who, AuditAction.SKU_CHANGE, sweet.getSku(), sweet.getSku(), newSku, where, now);
                    sweet.changeSku(newSku);
                }
                em.flush();
                return sweet.view();
            });
        } catch (ConstraintViolation e) {
            AlreadyExistsException taken = Sweets.skuTaken(e, newSku);
            throw taken != null ? taken : e;
        }
    }

    /**
     * Takes a sweet off sale. There is no way to delete a sweet, on purpose: sales and stock movements
     * refer to it (and the database's foreign keys refuse a delete of one that was ever sold or
     * stocked). Recorded in the audit log.
     */
    public SweetView deactivate(Caller caller, String sku) {
        Caller.require(caller, Role.MANAGER, "deactivate sweets");
        String checkedSku = Sweets.requireSku(sku);
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            Sweet sweet = Sweets.lockOne(em, checkedSku);
            if (sweet.isActive()) {
                AuditLog.record(em, caller.staffId(), AuditAction.SWEET_DEACTIVATE, sweet.getSku(), "on sale", "off sale", null,
                        clock.instant());
                sweet.deactivate();
            }
            return sweet.view();
        });
    }

    /** Every sweet, active first, then by name. */
    public List<SweetView> list() {
        return tx.call(em -> em.createQuery("select s from Sweet s order by s.active desc, lower(s.name), s.id", Sweet.class)
                .getResultStream().map(Sweet::view).toList());
    }

    /** Sweets whose name contains {@code text} or whose SKU starts with it, ignoring case. */
    public List<SweetView> search(String text) {
        String query = Texts.requireText("search", text, 64).toLowerCase(Locale.ROOT);
        String escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return tx.call(em -> em.createQuery(
                        "select s from Sweet s where lower(s.name) like :contains escape '\\' or lower(s.sku) like :prefix escape '\\'"
                                + " order by s.active desc, lower(s.name), s.id", Sweet.class)
                .setParameter("contains", "%" + escaped + "%")
                .setParameter("prefix", escaped + "%")
                .setMaxResults(200)
                .getResultStream().map(Sweet::view).toList());
    }

    public SweetView find(String sku) {
        String checkedSku = Sweets.requireSku(sku);
        return tx.call(em -> em.createQuery("select s from Sweet s where s.sku = :sku", Sweet.class)
                .setParameter("sku", checkedSku)
                .getResultStream().findFirst().map(Sweet::view)
                .orElseThrow(() -> Sweets.unknown(checkedSku)));
    }
}
