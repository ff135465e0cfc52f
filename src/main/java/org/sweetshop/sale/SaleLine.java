package org.sweetshop.sale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One line of a sale: the sweet's SKU, name and price as they were when sold. */
@Entity
@Table(name = "sale_line")
class SaleLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "sale_id", nullable = false)
    private Sale sale;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Column(name = "sweet_id", nullable = false)
    private long sweetId;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "unit_price", nullable = false, precision = 10, scale = 2)
    private BigDecimal unitPrice;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "line_total", nullable = false, precision = 12, scale = 2)
    private BigDecimal lineTotal;

    protected SaleLine() {
    }

    SaleLine(Sale sale, int lineNo, long sweetId, String sku, String name, BigDecimal unitPrice, int quantity) {
        this.sale = sale;
        this.lineNo = lineNo;
        this.sweetId = sweetId;
        this.sku = sku;
        this.name = name;
        this.unitPrice = unitPrice;
        this.quantity = quantity;
        this.lineTotal = unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    int lineNo() {
        return lineNo;
    }

    long sweetId() {
        return sweetId;
    }

    ReceiptLine receiptLine() {
        return new ReceiptLine(sku, name, quantity, unitPrice, lineTotal);
    }
}
