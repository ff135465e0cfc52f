package org.sweetshop.sale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A stock discrepancy left by an offline sale that could no longer be applied as it was (table
 * {@code offline_conflict}, V10): the sale is recorded, its stock is not moved; a manager resolves it.
 */
@Entity
@Table(name = "offline_conflict")
public class OfflineConflict {

    @Id
    @Column(name = "sale_id")
    private UUID saleId;

    @Column(nullable = false, length = 32)
    private String till;

    @Column(name = "sold_at", nullable = false)
    private Instant soldAt;

    @Column(name = "replayed_at", nullable = false)
    private Instant replayedAt;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "resolved_by")
    private Long resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(length = 500)
    private String resolution;

    protected OfflineConflict() {
    }

    OfflineConflict(UUID saleId, String till, Instant soldAt, Instant replayedAt, String reason) {
        this.saleId = saleId;
        this.till = till;
        this.soldAt = soldAt;
        this.replayedAt = replayedAt;
        this.reason = reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason;
    }

    UUID saleId() {
        return saleId;
    }

    String till() {
        return till;
    }

    Instant soldAt() {
        return soldAt;
    }

    String reason() {
        return reason;
    }

    Long resolvedBy() {
        return resolvedBy;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    String resolution() {
        return resolution;
    }

    void resolve(long staffId, Instant at, String note) {
        this.resolvedBy = staffId;
        this.resolvedAt = at;
        this.resolution = note;
    }
}
