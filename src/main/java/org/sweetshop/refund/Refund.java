package org.sweetshop.refund;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A refund of a sale, whole or of some of its items; its lines are {@link RefundedLine}s. */
@Entity
@Table(name = "refund")
class Refund {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "sale_id", nullable = false)
    private UUID saleId;

    @Column(length = 32)
    private String till;

    @Column(name = "staff_id", nullable = false)
    private long staffId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false)
    private boolean whole;

    @Column(length = 200)
    private String reason;

    protected Refund() {
    }

    Refund(UUID saleId, String till, long staffId, Instant createdAt, BigDecimal amount, boolean whole, String reason) {
        this.saleId = saleId;
        this.till = till;
        this.staffId = staffId;
        this.createdAt = createdAt;
        this.amount = amount;
        this.whole = whole;
        this.reason = reason;
    }

    long id() {
        return id;
    }

    String till() {
        return till;
    }

    Instant createdAt() {
        return createdAt;
    }

    BigDecimal amount() {
        return amount;
    }

    boolean whole() {
        return whole;
    }

    String reason() {
        return reason;
    }
}
