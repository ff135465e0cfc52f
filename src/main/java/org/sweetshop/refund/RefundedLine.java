package org.sweetshop.refund;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/** One line of a {@link Refund}: so many units of one sale line given back, and the money for them. */
@Entity
@Table(name = "refund_line")
@IdClass(RefundedLine.Key.class)
class RefundedLine {

    /** The primary key {@code (refund_id, sale_line_id)}. */
    static final class Key implements Serializable {
        private long refundId;
        private long saleLineId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.refundId == refundId && k.saleLineId == saleLineId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(refundId) * 31 + Long.hashCode(saleLineId);
        }
    }

    @Id
    @Column(name = "refund_id", nullable = false)
    private long refundId;

    @Id
    @Column(name = "sale_line_id", nullable = false)
    private long saleLineId;

    @Column(name = "sweet_id", nullable = false)
    private long sweetId;

    @Column(nullable = false)
    private int quantity;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    protected RefundedLine() {
    }

    RefundedLine(long refundId, long saleLineId, long sweetId, int quantity, BigDecimal amount) {
        this.refundId = refundId;
        this.saleLineId = saleLineId;
        this.sweetId = sweetId;
        this.quantity = quantity;
        this.amount = amount;
    }
}
