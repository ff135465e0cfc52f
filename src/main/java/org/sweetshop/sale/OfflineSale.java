package org.sweetshop.sale;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sale a till made while the store database could not be reached, sent to {@link OfflineReplay}
 * when it is back: the basket's UUID (the same idempotency key as checkout's), the till, the cashier
 * who sold it (her staff id, as her last online log-in on that till gave it), when, the lines at the
 * prices paid and the payments as the till settled them ({@link Tender}). No coupon or promo code: they are refused offline.
 */
public record OfflineSale(UUID saleId, String till, long staffId, String cashier, Instant soldAt, List<OfflineLine> lines,
                          Tender tender) {
}
