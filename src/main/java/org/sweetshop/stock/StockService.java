package org.sweetshop.stock;

import java.time.Clock;
import java.util.List;
import org.sweetshop.catalog.Sweet;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.catalog.Sweets;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.SoldBy;
import org.sweetshop.common.Texts;
import org.sweetshop.common.TillNames;
import org.sweetshop.db.Transactor;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/**
 * Restocks and stocktakes. Each locks the sweet ({@code PESSIMISTIC_WRITE}) and writes a stock
 * movement with who, which till and why, in the same transaction: a restock racing a sale is
 * never lost.
 */
public final class StockService {

    /** The most pieces of a counted sweet one restock adds. */
    public static final int MAX_RESTOCK = 100_000;
    /** The most grams of a weighed sweet one restock adds: a tonne. */
    public static final int MAX_RESTOCK_GRAMS = 1_000_000;

    /** The most one restock adds, in the sweet's unit. */
    public static int maxRestock(SoldBy soldBy) {
        return soldBy.weighed() ? MAX_RESTOCK_GRAMS : MAX_RESTOCK;
    }

    /** A restock's quantity checked against its sweet's kind, once the sweet is known. */
    static int requireRestock(Sweet sweet, int quantity) {
        SoldBy soldBy = sweet.getSoldBy();
        if (quantity > maxRestock(soldBy)) {
            throw new InvalidInputException("quantity", "quantity must be between 1 and " + maxRestock(soldBy)
                    + (soldBy.weighed() ? " g" : "") + ", not " + quantity + (soldBy.weighed() ? " g" : ""));
        }
        return quantity;
    }

    private final Transactor tx;
    private final Clock clock;

    public StockService(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Adds {@code quantity} to a sweet's stock: pieces, or grams for a weighed sweet. */
    public StockChange restock(Caller caller, String sku, int quantity, String till, String reason) {
        Caller.require(caller, Role.MANAGER, "restock");
        String where = TillNames.optional(till);
        String checkedSku = Sweets.requireSku(sku);
        int qty = Texts.requireRange("quantity", quantity, 1, MAX_RESTOCK_GRAMS);
        String why = reason == null ? "restock" : Texts.requireText("reason", reason, 200);
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            Sweet sweet = Sweets.lockOne(em, checkedSku);
            requireRestock(sweet, qty);
            StockLedger.record(em, sweet, qty, MovementKind.RESTOCK, caller.staffId(), where, why, null, clock.instant());
            return StockChange.of(sweet, qty);
        });
    }

    /** Sets stock to what was counted (pieces, or grams weighed); the difference becomes an adjustment movement. */
    public StockChange stocktake(Caller caller, String sku, int counted, String till, String reason) {
        Caller.require(caller, Role.MANAGER, "take stock");
        String where = TillNames.optional(till);
        String checkedSku = Sweets.requireSku(sku);
        int count = Texts.requireRange("counted quantity", counted, 0, Sweet.MAX_STOCK);
        String why = reason == null ? "stocktake" : Texts.requireText("reason", reason, 200);
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            Sweet sweet = Sweets.lockOne(em, checkedSku);
            int difference = count - sweet.getStock();
            if (difference != 0) {
                StockLedger.record(em, sweet, difference, MovementKind.ADJUSTMENT, caller.staffId(), where, why, null, clock.instant());
            }
            return StockChange.of(sweet, difference);
        });
    }

    /** Active sweets at or below their reorder level, emptiest first. */
    public List<SweetView> lowStock() {
        return tx.call(em -> em.createQuery(
                        "select s from Sweet s where s.active = true and s.stock <= s.reorderLevel order by s.stock, s.name", Sweet.class)
                .getResultStream().map(Sweet::view).toList());
    }

    /** A sweet's movements, newest first. */
    public List<MovementView> movements(String sku, int limit) {
        String checkedSku = Sweets.requireSku(sku);
        int max = Texts.requireRange("limit", limit, 1, 10_000);
        return tx.call(em -> {
            Sweet sweet = em.createQuery("select s from Sweet s where s.sku = :sku", Sweet.class)
                    .setParameter("sku", checkedSku).getResultStream().findFirst()
                    .orElseThrow(() -> Sweets.unknown(checkedSku));
            return em.createQuery("select m, st.username from StockMovement m, Staff st where st.id = m.staffId"
                            + " and m.sweetId = :sweet order by m.seq desc", Object[].class)
                    .setParameter("sweet", sweet.getId())
                    .setMaxResults(max)
                    .getResultStream()
                    .map(row -> {
                        StockMovement m = (StockMovement) row[0];
                        return new MovementView(m.getId(), m.getKind(), m.getQuantity(), m.getStockAfter(), (String) row[1],
                                m.getTill(), m.getReason(), m.getSaleId(), m.getCreatedAt());
                    })
                    .toList();
        });
    }
}
