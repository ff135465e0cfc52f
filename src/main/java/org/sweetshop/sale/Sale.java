package org.sweetshop.sale;

import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.SoldBy;
import org.sweetshop.common.TaxLine;
import org.sweetshop.common.TaxSplit;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ListIndexBase;

/**
 * A completed sale. Its id is the UUID the till made when the basket started. Checkout writes it
 * through {@link SaleWriter}; a refund locks it ({@link SaleService#lockForRefund}) and raises its
 * lines' refunded counters.
 */
@Entity
@Table(name = "sale")
public class Sale {

    @Id
    private UUID id;

    @Column(nullable = false, length = 32)
    private String till;

    @Column(name = "receipt_seq", nullable = false)
    private long receiptSeq;

    @Column(name = "staff_id", nullable = false)
    private long staffId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal subtotal;

    @Column(name = "coupon_discount", nullable = false, precision = 12, scale = 2)
    private BigDecimal couponDiscount;

    @Column(name = "promo_discount", nullable = false, precision = 12, scale = 2)
    private BigDecimal promoDiscount;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal total;

    @Column(name = "coupon_id")
    private Long couponId;

    @Column(name = "promo_id")
    private Long promoId;

    @Column(name = "cash_paid", nullable = false, precision = 12, scale = 2)
    private BigDecimal cashPaid;

    @Column(name = "card_paid", nullable = false, precision = 12, scale = 2)
    private BigDecimal cardPaid;

    @Column(name = "cash_rounding", nullable = false, precision = 12, scale = 2)
    private BigDecimal cashRounding;

    // read back with the sale (a second select: the lines are fetched by join); written by SaleWriter
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sale_payment", joinColumns = @JoinColumn(name = "sale_id"))
    @OrderColumn(name = "seq")
    @ListIndexBase(1)
    private List<SalePayment> payments = new ArrayList<>();

    @OneToMany(mappedBy = "sale", cascade = CascadeType.PERSIST)
    @OrderBy("lineNo")
    private List<SaleLine> lines = new ArrayList<>();

    /** The tax added at the total when prices exclude tax (else 0): total = subtotal - discounts + tax_added. */
    @Column(name = "tax_added", nullable = false, precision = 12, scale = 2)
    private BigDecimal taxAdded;

    /** The tax per rate, by code (V16: sale_tax, written with the sale by {@link SaleWriter}). */
    @OneToMany(mappedBy = "sale")
    @OrderBy("code")
    private List<SaleTax> taxes = new ArrayList<>();

    /** The rate of each line to be added, in order (checkout's, not stored). */
    @jakarta.persistence.Transient
    private List<TaxSplit.Line> taxedLines = new ArrayList<>();

    protected Sale() {
    }

    /**
     * A new sale; its receipt number is assigned when it is written ({@link #numbered}).
     *
     * @param taxes the basket's taxes ({@link TaxSplit}), worked out on the lines about to be added
     *              in that order; with prices excluding tax its tax is added to the total
     * @param tender the payments, settled on that total ({@link Tender#settle})
     */
    Sale(UUID id, String till, long staffId, Instant createdAt, Pricing pricing, TaxSplit.Split taxes, Long couponId, Long promoId,
         Tender tender) {
        this.id = id;
        this.till = till;
        this.staffId = staffId;
        this.createdAt = createdAt;
        this.subtotal = pricing.subtotal();
        this.couponDiscount = pricing.couponDiscount();
        this.promoDiscount = pricing.promoDiscount();
        this.taxAdded = taxes.added();
        this.total = pricing.total().add(taxAdded);
        if (taxes.total().compareTo(total) != 0) {
            throw new IllegalArgumentException("the tax lines come to " + taxes.total() + ", not the total " + total);
        }
        taxes.taxes().forEach(line -> this.taxes.add(new SaleTax(this, line)));
        this.couponId = couponId;
        this.promoId = promoId;
        if (tender.cashPaid().add(tender.cardPaid()).compareTo(total.add(tender.cashRounding())) != 0) {
            throw new InvalidInputException("pay", "the payments come to " + Money.format(tender.cashPaid().add(tender.cardPaid()))
                    + ", not the " + Money.format(total.add(tender.cashRounding())) + " to pay");
        }
        this.cashPaid = tender.cashPaid();
        this.cardPaid = tender.cardPaid();
        this.cashRounding = tender.cashRounding();
        tender.parts().forEach(part -> payments.add(new SalePayment(part)));
    }

    void numbered(long seq) {
        this.receiptSeq = seq;
    }

    /** {@code T1-000001}: the till's name and its gapless sequence number. */
    static String receiptNumber(String till, long seq) {
        String digits = Long.toString(seq);
        return digits.length() >= 6 ? till + "-" + digits : till + "-" + "000000".substring(digits.length()) + digits;
    }

    /** A line at the rate it is taxed at ({@code taxed}: the same line given to {@link TaxSplit}). */
    void addLine(long sweetId, String sku, String name, BigDecimal unitPrice, int quantity, SoldBy soldBy, TaxSplit.Line taxed) {
        lines.add(new SaleLine(this, lines.size() + 1, sweetId, sku, name, unitPrice, quantity, soldBy, taxed));
    }

    /** The tax per rate, by code: the gross add up to {@link #total()}. */
    public List<TaxLine> taxes() {
        return taxes.stream().map(SaleTax::line).toList();
    }

    /** The tax added at the total (prices excluding tax), else 0.00. */
    public BigDecimal taxAdded() {
        return taxAdded;
    }

    /** The lines' amount after the coupon and promo: what {@link TaxSplit} shared over them. */
    public BigDecimal discountedSubtotal() {
        return total.subtract(taxAdded);
    }

    /** The lines, in the order sold. */
    public List<SaleLine> lines() {
        return lines;
    }

    public UUID id() {
        return id;
    }

    String till() {
        return till;
    }

    Instant createdAt() {
        return createdAt;
    }

    BigDecimal subtotal() {
        return subtotal;
    }

    BigDecimal couponDiscount() {
        return couponDiscount;
    }

    BigDecimal promoDiscount() {
        return promoDiscount;
    }

    public BigDecimal total() {
        return total;
    }

    BigDecimal cashPaid() {
        return cashPaid;
    }

    BigDecimal cardPaid() {
        return cardPaid;
    }

    BigDecimal cashRounding() {
        return cashRounding;
    }

    /** The payments, in the order taken, with the cash rounding and the change they come to. */
    Tender tender() {
        List<PaymentPart> parts = payments.stream().map(SalePayment::part).toList();
        BigDecimal change = parts.stream().map(PaymentPart::change).reduce(Money.ZERO, BigDecimal::add);
        return new Tender(parts, cashRounding, change);
    }

    long staffId() {
        return staffId;
    }

    String receiptNo() {
        return receiptNumber(till, receiptSeq);
    }

    Long couponId() {
        return couponId;
    }

    Long promoId() {
        return promoId;
    }

    Receipt receipt(String cashier, String couponHint, String promoCode) {
        List<ReceiptLine> receiptLines = lines.stream().sorted(Comparator.comparingInt(SaleLine::lineNo))
                .map(SaleLine::receiptLine).toList();
        return new Receipt(id, receiptNumber(till, receiptSeq), till, cashier, createdAt, receiptLines, subtotal, couponDiscount, promoDiscount,
                total, tender(), couponHint, promoCode, false, taxes(), taxAdded);
    }
}
