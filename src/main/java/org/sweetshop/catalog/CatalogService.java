package org.sweetshop.catalog;

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
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/** The catalogue: sweets, their prices and whether they are for sale. */
public final class CatalogService {

    public static final int MAX_OPENING_STOCK = 1_000_000;

    private final Transactor tx;
    private final Clock clock;

    public CatalogService(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
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
                    em.persist(sweet.changeStock(stock, MovementKind.RESTOCK, caller.staffId(), where, "opening stock", null, now));
                }
                em.flush();
                return sweet.view();
            });
        } catch (ConstraintViolation e) {
            if (e.is("sweet_sku_uq")) {
                throw new AlreadyExistsException("sweet", sku, "already registered: a sweet with SKU " + sku + " exists");
            }
            throw e;
        }
    }

    public SweetView changePrice(Caller caller, String sku, java.math.BigDecimal price) {
        Caller.require(caller, Role.MANAGER, "change prices");
        String checkedSku = Sweets.requireSku(sku);
        var checkedPrice = Money.check("price", price);
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            Sweet sweet = Sweets.lockOne(em, checkedSku);
            sweet.changePrice(checkedPrice);
            return sweet.view();
        });
    }

    /** Takes a sweet off sale; it is never deleted, since sales and movements refer to it. */
    public SweetView deactivate(Caller caller, String sku) {
        Caller.require(caller, Role.MANAGER, "deactivate sweets");
        String checkedSku = Sweets.requireSku(sku);
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            Sweet sweet = Sweets.lockOne(em, checkedSku);
            sweet.deactivate();
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
