package org.sweetshop.refund;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import org.sweetshop.common.TaxLine;

/**
 * What a refund reverses of one rate's tax ({@code refund_tax}, V16): {@code net + tax = gross},
 * the refund's rates adding up to its amount ({@link org.sweetshop.common.TaxSplit#reverse}).
 */
@Entity
@Table(name = "refund_tax")
@IdClass(RefundTax.Key.class)
class RefundTax {

    /** The primary key {@code (refund_id, code)}. */
    static final class Key implements Serializable {
        private long refundId;
        private String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.refundId == refundId && Objects.equals(k.code, code);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(refundId) * 31 + Objects.hashCode(code);
        }
    }

    @Id
    @Column(name = "refund_id", nullable = false)
    private long refundId;

    @Id
    @Column(nullable = false, length = 8)
    private String code;

    @Column(nullable = false, length = 40)
    private String name;

    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal rate;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal net;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal tax;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal gross;

    protected RefundTax() {
    }

    RefundTax(long refundId, TaxLine line) {
        this.refundId = refundId;
        this.code = line.code();
        this.name = line.name();
        this.rate = line.rate();
        this.net = line.net();
        this.tax = line.tax();
        this.gross = line.gross();
    }

    long refundId() {
        return refundId;
    }

    TaxLine line() {
        return new TaxLine(code, name, rate, net, tax, gross);
    }
}
