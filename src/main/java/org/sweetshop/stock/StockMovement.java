package org.sweetshop.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One change of a sweet's stock, written in the same transaction as the change: a sweet's stock
 * is the sum of its movements. Made only by {@link StockLedger}.
 */
@Entity
@Table(name = "stock_movement")
public class StockMovement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "sweet_id", nullable = false)
    private long sweetId;

    /** This movement's number in its sweet's ledger: 1, 2, 3... */
    @Column(nullable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MovementKind kind;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "stock_after", nullable = false)
    private int stockAfter;

    @Column(name = "staff_id", nullable = false)
    private long staffId;

    @Column(length = 32)
    private String till;

    @Column(length = 200)
    private String reason;

    @Column(name = "sale_id")
    private UUID saleId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StockMovement() {
    }

    StockMovement(long sweetId, int seq, MovementKind kind, int quantity, int stockAfter, long staffId, String till,
                  String reason, UUID saleId, Instant createdAt) {
        this.sweetId = sweetId;
        this.seq = seq;
        this.kind = kind;
        this.quantity = quantity;
        this.stockAfter = stockAfter;
        this.staffId = staffId;
        this.till = till;
        this.reason = reason;
        this.saleId = saleId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getSweetId() {
        return sweetId;
    }

    public int getSeq() {
        return seq;
    }

    public MovementKind getKind() {
        return kind;
    }

    public int getQuantity() {
        return quantity;
    }

    public int getStockAfter() {
        return stockAfter;
    }

    public long getStaffId() {
        return staffId;
    }

    public String getTill() {
        return till;
    }

    public String getReason() {
        return reason;
    }

    public UUID getSaleId() {
        return saleId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
