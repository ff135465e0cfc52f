package org.sweetshop.catalog;

import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Books a new sweet's opening stock in the stock ledger, in the caller's transaction. The ledger
 * ({@code stock.StockLedger::openingStock}) lives in {@code stock}, which depends on the catalogue;
 * the catalogue reaches it only through this, handed in by the composition root, so the two
 * packages have no cycle.
 */
@FunctionalInterface
public interface OpeningStock {

    void book(EntityManager em, Sweet sweet, int quantity, long staffId, String till, String reason, Instant now);
}
