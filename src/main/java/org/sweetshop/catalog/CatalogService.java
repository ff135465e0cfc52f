package org.sweetshop.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

/** The catalogue: sweets, their prices and whether they are for sale. */
public final class CatalogService {

    public static final int MAX_OPENING_STOCK = 1_000_000;

    private final Transactor tx;
    private final Clock clock;
    private final OpeningStock openingStock;

    /** @param openingStock where a new sweet's opening stock is booked: the stock ledger */
    public CatalogService(Transactor tx, Clock clock, OpeningStock openingStock) {
        this.tx = tx;
        this.clock = clock;
        this.openingStock = openingStock;
    }

    /** Adds a sweet; its opening stock is recorded as a restock movement so stock = sum of movements. */
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
        var price = Money.check("price", request.price());
        int stock = Texts.requireRange("stock", request.openingStock(), 0, MAX_OPENING_STOCK);
        int reorder = Texts.requireRange("reorder level", request.reorderLevel(), 0, MAX_OPENING_STOCK);
        try {
            return tx.call(em -> {
                StaffService.requireActive(em, caller);
                Instant now = clock.instant();
                Sweet sweet = new Sweet(sku, name, category, price, reorder, now);
                em.persist(sweet);
                if (stock > 0) {
                    openingStock.book(em, sweet, stock, caller.staffId(), where, "opening stock", now);
                }
                em.flush();
                AuditLog.record(em, caller.staffId(), AuditAction.SWEET_ADD, sku, null, Money.format(price), where, now);
                return sweet.view();
            });
        } catch (ConstraintViolation e) {
            AlreadyExistsException taken = Sweets.skuTaken(e, sku);
            throw taken != null ? taken : e;
        }
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
            throw new InvalidInputException("changes", "nothing to change: give a new name, category, price, reorder level or SKU");
        }
        String newSku = changes.sku() == null ? null : Sweets.requireSku(changes.sku());
        String name = changes.name() == null ? null : Texts.requireText("name", changes.name(), 120);
        String category = changes.category() == null ? null : Texts.requireText("category", changes.category(), 60);
        BigDecimal price = changes.price() == null ? null : Money.check("price", changes.price());
        Integer reorder = changes.reorderLevel() == null ? null
                : Texts.requireRange("reorder level", changes.reorderLevel(), 0, MAX_OPENING_STOCK);
        try {
            return tx.call(em -> {
                StaffService.requireActive(em, caller);
                Sweet sweet = Sweets.lockOne(em, checkedSku);
                Instant now = clock.instant();
                long who = caller.staffId();
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
