package org.sweetshop.sale;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.sweetshop.common.SoldBy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import java.math.BigDecimal;
import org.sweetshop.common.TaxSplit;

/**
 * One line of a sale: the sweet's SKU, name and price as they were when sold, and how many of its
 * units have been refunded so far (raised by a refund under the sale row's lock; checkout writes
 * new lines through {@link SaleWriter}, where the column's default 0 applies).
 */
@Entity
@Table(name = "sale_line")
@DynamicUpdate
public class SaleLine {

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

    @Column(nullable = false)
    private int refunded;

    /** A weighed line's price is per kilogram and its quantity and refunded counter are grams. */
    @Enumerated(EnumType.STRING)
    @Column(name = "sold_by", nullable = false, length = 8)
    private SoldBy soldBy = SoldBy.COUNTED;

    /** The tax rate it was sold at, frozen at checkout (V16). */
    @Column(name = "tax_code", nullable = false, length = 8)
    private String taxCode;

    @Column(name = "tax_rate", nullable = false, precision = 5, scale = 2)
    private BigDecimal taxRate;

    protected SaleLine() {
    }

    SaleLine(Sale sale, int lineNo, long sweetId, String sku, String name, BigDecimal unitPrice, int quantity, SoldBy soldBy,
             TaxSplit.Line taxed) {
        this.taxCode = taxed.code();
        this.taxRate = taxed.rate();
        this.soldBy = soldBy;
        this.sale = sale;
        this.lineNo = lineNo;
        this.sweetId = sweetId;
        this.sku = sku;
        this.name = name;
        this.unitPrice = unitPrice;
        this.quantity = quantity;
        this.lineTotal = Pricing.Line.total(unitPrice, quantity, soldBy);
    }

    public long id() {
        return id;
    }

    public int lineNo() {
        return lineNo;
    }

    public long sweetId() {
        return sweetId;
    }

    /** The SKU as sold (the sweet's may have changed since). */
    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public SoldBy soldBy() {
        return soldBy;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal lineTotal() {
        return lineTotal;
    }

    /** The code of the tax rate it was sold at. */
    public String taxCode() {
        return taxCode;
    }

    /** The tax rate it was sold at, percent. */
    public BigDecimal taxRate() {
        return taxRate;
    }

    /** Units of this line refunded so far. */
    public int refunded() {
        return refunded;
    }

    /** Units of this line not refunded yet. */
    public int left() {
        return quantity - refunded;
    }

    /**
     * Records {@code units} more refunded; the refund checks them against {@link #left()} first
     * (and {@code sale_line_refunded_ck} stands behind it).
     */
    public void refund(int units) {
        if (units < 1 || units > left()) {
            throw new IllegalArgumentException("cannot refund " + units + " of " + left() + " left");
        }
        refunded += units;
    }

    ReceiptLine receiptLine() {
        return new ReceiptLine(sku, name, quantity, unitPrice, lineTotal, soldBy);
    }
}
