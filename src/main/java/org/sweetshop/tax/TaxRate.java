package org.sweetshop.tax;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A tax rate ({@code tax_rate}, V16): never changed once made; a sale keeps the code, name and rate it was taxed at. */
@Entity
@Table(name = "tax_rate")
class TaxRate {

    @Id
    @Column(nullable = false, length = 8)
    private String code;

    @Column(nullable = false, length = 40)
    private String name;

    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal rate;

    @Column(name = "is_default", nullable = false)
    private boolean isDefault;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TaxRate() {
    }

    TaxRate(String code, String name, BigDecimal rate, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.rate = rate;
        this.createdAt = createdAt;
    }

    TaxRateView view() {
        return new TaxRateView(code, name, rate, isDefault);
    }
}
