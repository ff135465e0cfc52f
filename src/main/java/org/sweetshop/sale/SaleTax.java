package org.sweetshop.sale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.sweetshop.common.TaxLine;

/**
 * The tax of one rate on a sale ({@code sale_tax}, V16), frozen at checkout: written by
 * {@link SaleWriter} with the sale, never changed. {@code net + tax = gross}; the sale's rates add
 * up to its total.
 */
@Entity
@Table(name = "sale_tax")
@IdClass(SaleTax.Key.class)
class SaleTax {

    /** The primary key {@code (sale_id, code)}. */
    static final class Key implements Serializable {
        private UUID saleId;
        private String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.saleId, saleId) && Objects.equals(k.code, code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(saleId, code);
        }
    }

    @Id
    @Column(name = "sale_id", nullable = false)
    private UUID saleId;

    @Id
    @Column(nullable = false, length = 8)
    private String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "sale_id", nullable = false, insertable = false, updatable = false)
    private Sale sale;

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

    protected SaleTax() {
    }

    SaleTax(Sale sale, TaxLine line) {
        this.sale = sale;
        this.saleId = sale.id();
        this.code = line.code();
        this.name = line.name();
        this.rate = line.rate();
        this.net = line.net();
        this.tax = line.tax();
        this.gross = line.gross();
    }

    TaxLine line() {
        return new TaxLine(code, name, rate, net, tax, gross);
    }
}
