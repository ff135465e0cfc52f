package org.sweetshop.stock;

import java.time.Clock;
import java.util.List;
import org.sweetshop.catalog.Sweet;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.catalog.Sweets;
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

    public static final int MAX_RESTOCK = 100_000;

    private final Transactor tx;
    private final Clock clock;

    public StockService(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public StockChange restock(Caller caller, String sku, int quantity, String till, String reason) {
        Caller.require(caller, Role.MANAGER, "restock");
        String where = TillNames.optional(till);
        String checkedSku = Sweets.requireSku(sku);
        int qty = Texts.requireRange("quantity", quantity, 1, MAX_RESTOCK);
        String why = reason == null ? "restock" : Texts.requireText("reason", reason, 200);
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            Sweet sweet = Sweets.lockOne(em, checkedSku);
            StockLedger.record(em, sweet, qty, MovementKind.RESTOCK, caller.staffId(), where, why, null, clock.instant());
            return new StockChange(sweet.getSku(), sweet.getName(), qty, sweet.getStock());
        });
    }

    /** Sets stock to what was counted; the difference becomes an adjustment movement. */
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
            return new StockChange(sweet.getSku(), sweet.getName(), difference, sweet.getStock());
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
