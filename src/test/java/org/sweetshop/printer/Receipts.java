package org.sweetshop.printer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sweetshop.common.Money;
import org.sweetshop.common.SoldBy;
import org.sweetshop.sale.PaymentMethod;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.ReceiptLine;
import org.sweetshop.sale.Tender;

/** Receipts for the printer's tests, made as checkout makes them. */
final class Receipts {

    static final Instant AT = Instant.parse("2026-07-14T11:05:09Z");

    private Receipts() {
    }

    /** Fudge 3 × 1.20 and 253 g of Pear Drops at 14.99/kg, paid 10.00 cash: 7.39, change 2.61. */
    static Receipt counterSale() {
        ReceiptLine fudge = new ReceiptLine("FU-1", "Fudge", 3, new BigDecimal("1.20"), new BigDecimal("3.60"));
        BigDecimal pearDrops = Money.weighedLine(new BigDecimal("14.99"), 253);
        ReceiptLine weighed = new ReceiptLine("PD-1", "Pear Drops", 253, new BigDecimal("14.99"), pearDrops, SoldBy.WEIGHED);
        return new Receipt(UUID.fromString("0190a7b2-0000-7000-8000-000000000001"), "T1-000042", "T1", "alice", AT,
                List.of(fudge, weighed), new BigDecimal("7.39"), Money.ZERO, Money.ZERO, new BigDecimal("7.39"),
                Tender.single(PaymentMethod.CASH, new BigDecimal("7.39"), new BigDecimal("10.00")), null, null, false);
    }

    /** {@link #counterSale()} with its tax: the fudge at STD 20 %, the pear drops at RED 5 %, inside the prices. */
    static Receipt counterSaleTaxed() {
        Receipt r = counterSale();
        return new Receipt(r.saleId(), r.receiptNo(), r.till(), r.cashier(), r.createdAt(), r.lines(), r.subtotal(), r.couponDiscount(),
                r.promoDiscount(), r.total(), r.tender(), null, null, false, List.of(
                        new org.sweetshop.common.TaxLine("RED", "Reduced", new BigDecimal("5.00"), new BigDecimal("3.61"),
                                new BigDecimal("0.18"), new BigDecimal("3.79")),
                        new org.sweetshop.common.TaxLine("STD", "Standard", new BigDecimal("20.00"), new BigDecimal("3.00"),
                                new BigDecimal("0.60"), new BigDecimal("3.60"))), Money.ZERO);
    }

    /** A receipt of {@code lines} lines: far more than a printer's and the kernel's buffers hold. */
    static Receipt longReceipt(int lines) {
        List<ReceiptLine> all = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            all.add(new ReceiptLine("SKU-" + i, "Sweet number " + i + " with a long name", 1, new BigDecimal("1.00"), new BigDecimal("1.00")));
        }
        BigDecimal total = new BigDecimal(lines).setScale(2);
        return new Receipt(UUID.fromString("0190a7b2-0000-7000-8000-000000000002"), "T1-000043", "T1", "alice", AT, all, total,
                Money.ZERO, Money.ZERO, total, Tender.single(PaymentMethod.CARD, total, null), null, null, false);
    }

    /** {@link #counterSaleTaxed()} paid 3.00 by card and the rest in cash, 5.00 handed over. */
    static Receipt counterSaleSplitTaxed() {
        Receipt r = counterSaleTaxed();
        return new Receipt(r.saleId(), r.receiptNo(), r.till(), r.cashier(), r.createdAt(), r.lines(), r.subtotal(), r.couponDiscount(),
                r.promoDiscount(), r.total(), Tender.settle(r.total(), List.of(org.sweetshop.sale.Payment.card(new BigDecimal("3.00")),
                        org.sweetshop.sale.Payment.cash(new BigDecimal("5.00"))), BigDecimal.ZERO), null, null, false, r.taxes(),
                r.taxAdded());
    }
}
