package org.sweetshop.stock;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.sweetshop.catalog.OpeningStock;
import org.sweetshop.catalog.Sweet;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.OutOfStockException;

/**
 * The stock ledger: the one way a sweet's stock changes. Each change updates the {@link Sweet}
 * (locked by the caller, {@code PESSIMISTIC_WRITE}) and makes the {@link StockMovement} that records
 * it, numbered next in the sweet's chain, in the same transaction: so stock = the sum of its
 * movements, which {@code sweetshop audit} checks.
 *
 * <p>The ledger lives here, not in {@code catalog}: stock depends on the catalogue (it changes a
 * sweet), never the other way. The catalogue's opening stock comes here through
 * {@link OpeningStock}, which {@link #openingStock} implements and the composition root hands in.
 */
public final class StockLedger {

    private StockLedger() {
    }

    /**
     * Changes the sweet's stock by {@code delta} and returns the movement that records it, not yet
     * written: checkout writes it in its own batch, everyone else through {@link #record}. Stock
     * never goes below zero: asking for more than is left is refused with what is left.
     */
    public static StockMovement change(Sweet sweet, int delta, MovementKind kind, long staffId, String till, String reason,
                                       UUID saleId, Instant now) {
        if (delta == 0) {
            throw new IllegalArgumentException("a stock movement must change stock");
        }
        long after = (long) sweet.getStock() + delta;
        if (after < 0) {
            throw new OutOfStockException(sweet.getSku(), sweet.getName(), sweet.getStock(), -delta, sweet.getSoldBy());
        }
        if (after > Sweet.MAX_STOCK) {
            throw new InvalidInputException("quantity", "stock of " + sweet.getSku() + " would exceed " + Sweet.MAX_STOCK);
        }
        int seq = sweet.recordMovement((int) after);
        return new StockMovement(sweet.getId(), seq, kind, delta, sweet.getStock(), staffId, till, reason, saleId, now);
    }

    /** As {@link #change}, and persists the movement in {@code em}'s transaction. */
    public static StockMovement record(EntityManager em, Sweet sweet, int delta, MovementKind kind, long staffId, String till,
                                       String reason, UUID saleId, Instant now) {
        StockMovement movement = change(sweet, delta, kind, staffId, till, reason, saleId, now);
        em.persist(movement);
        return movement;
    }

    /** A new sweet's opening stock: a RESTOCK movement (the catalogue's {@link OpeningStock}). */
    public static void openingStock(EntityManager em, Sweet sweet, int quantity, long staffId, String till, String reason,
                                    Instant now) {
        record(em, sweet, quantity, MovementKind.RESTOCK, staffId, till, reason, null, now);
    }
}
