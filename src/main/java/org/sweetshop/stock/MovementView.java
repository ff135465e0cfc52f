package org.sweetshop.stock;

import java.time.Instant;
import java.util.UUID;

/** One line of a sweet's stock history. */
public record MovementView(long id, MovementKind kind, int quantity, int stockAfter, String staff, String till,
                           String reason, UUID saleId, Instant at) {
}
