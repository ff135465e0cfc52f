package org.sweetshop.sale;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** A row of {@code sale_payment} (V17), as the {@link Sale} entity reads it back: one of its payments. */
@Embeddable
class SalePayment {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private PaymentMethod method;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(precision = 12, scale = 2)
    private BigDecimal tendered;

    protected SalePayment() {
    }

    SalePayment(PaymentPart part) {
        this.method = part.method();
        this.amount = part.amount();
        this.tendered = part.tendered();
    }

    PaymentPart part() {
        return new PaymentPart(method, amount, tendered);
    }
}
