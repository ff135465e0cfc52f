package org.sweetshop.shift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import org.sweetshop.common.TaxLine;
import java.time.Instant;

/**
 * A shift at one till: opened with a cash float, closed with the counted cash. Closing freezes the
 * Z report's figures on the row, so a reprint shows what was printed at the close. The shift's
 * sales are the till's receipts numbered after {@code openReceiptSeq} up to {@code closeReceiptSeq}.
 */
@Entity
@Table(name = "shift")
class Shift {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shift_seq")
    @SequenceGenerator(name = "shift_seq", sequenceName = "shift_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 32)
    private String till;

    @Column(name = "opened_by", nullable = false)
    private long openedBy;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "opening_float", nullable = false, precision = 12, scale = 2)
    private BigDecimal openingFloat;

    @Column(name = "open_receipt_seq", nullable = false)
    private long openReceiptSeq;

    @Column(name = "closed_by")
    private Long closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "counted_cash", precision = 12, scale = 2)
    private BigDecimal countedCash;

    @Column(name = "close_receipt_seq")
    private Long closeReceiptSeq;

    @Column(name = "sales")
    private Integer sales;

    @Column(name = "gross", precision = 14, scale = 2)
    private BigDecimal gross;

    @Column(name = "coupon_discounts", precision = 14, scale = 2)
    private BigDecimal couponDiscounts;

    @Column(name = "promo_discounts", precision = 14, scale = 2)
    private BigDecimal promoDiscounts;

    @Column(name = "net", precision = 14, scale = 2)
    private BigDecimal net;

    @Column(name = "cash_sales", precision = 14, scale = 2)
    private BigDecimal cashSales;

    @Column(name = "card_sales", precision = 14, scale = 2)
    private BigDecimal cardSales;

    @Column(name = "cash_payments")
    private Integer cashPayments;

    @Column(name = "card_payments")
    private Integer cardPayments;

    @Column(name = "cash_rounding", precision = 14, scale = 2)
    private BigDecimal cashRounding;

    /** The tax added at its sales' totals (prices excluding tax): net = gross - discounts + this (V16). */
    @Column(name = "tax_added", nullable = false, precision = 14, scale = 2)
    private BigDecimal taxAdded = BigDecimal.ZERO.setScale(2);

    @Column(name = "first_receipt_seq")
    private Long firstReceiptSeq;

    @Column(name = "last_receipt_seq")
    private Long lastReceiptSeq;

    protected Shift() {
    }

    Shift(String till, long openedBy, Instant openedAt, BigDecimal openingFloat, long openReceiptSeq) {
        this.till = till;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
        this.openingFloat = openingFloat;
        this.openReceiptSeq = openReceiptSeq;
    }

    /** What the till's sales in this shift add up to, read when it closes. */
    record Takings(int sales, BigDecimal gross, BigDecimal couponDiscounts, BigDecimal promoDiscounts, BigDecimal net,
            BigDecimal cashSales, BigDecimal cardSales, Long firstReceiptSeq, Long lastReceiptSeq, int cashPayments,
            int cardPayments, BigDecimal cashRounding) {
    }

    boolean isOpen() {
        return closedAt == null;
    }

    /**
     * Closes the shift and freezes its figures. A clock that stepped back since the opening does not
     * make a shift end before it began.
     */
    void close(long staffId, Instant now, BigDecimal counted, long receiptSeq, Takings takings) {
        if (!isOpen()) {
            throw new IllegalStateException("shift " + id + " is closed already");
        }
        this.closedBy = staffId;
        this.closedAt = now.isBefore(openedAt) ? openedAt : now;
        this.countedCash = counted;
        this.closeReceiptSeq = receiptSeq;
        this.sales = takings.sales();
        this.gross = takings.gross();
        this.couponDiscounts = takings.couponDiscounts();
        this.promoDiscounts = takings.promoDiscounts();
        this.net = takings.net();
        this.cashSales = takings.cashSales();
        this.cardSales = takings.cardSales();
        this.cashPayments = takings.cashPayments();
        this.cardPayments = takings.cardPayments();
        this.cashRounding = takings.cashRounding();
        this.firstReceiptSeq = takings.firstReceiptSeq();
        this.lastReceiptSeq = takings.lastReceiptSeq();
    }

    /** At the close, with {@link #close}: the tax its sales added at their totals. */
    void taxAdded(BigDecimal amount) {
        this.taxAdded = amount;
    }

    ShiftView view(String openedByName) {
        return new ShiftView(id, till, openedByName, openedAt, openingFloat);
    }

    /** The Z report of a closed shift, from the frozen figures. */
    ZReport zReport(String openedByName, String closedByName, List<TaxLine> taxes) {
        if (isOpen()) {
            throw new IllegalStateException("shift " + id + " is still open");
        }
        BigDecimal expected = openingFloat.add(cashSales);
        return new ZReport(id, till, openedByName, openedAt, closedByName, closedAt, sales, gross, couponDiscounts,
                promoDiscounts, net, cashSales, cardSales, openingFloat, expected, countedCash, countedCash.subtract(expected),
                firstReceiptSeq == null ? null : ZReport.receiptNumber(till, firstReceiptSeq),
                lastReceiptSeq == null ? null : ZReport.receiptNumber(till, lastReceiptSeq), cashPayments, cardPayments,
                cashRounding, taxes, taxAdded);
    }

    Long getCloseReceiptSeq() {
        return closeReceiptSeq;
    }

    Long getId() {
        return id;
    }

    String getTill() {
        return till;
    }

    long getOpenedBy() {
        return openedBy;
    }

    Long getClosedBy() {
        return closedBy;
    }

    Instant openedAt() {
        return openedAt;
    }

    long getOpenReceiptSeq() {
        return openReceiptSeq;
    }
}
