package org.sweetshop.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sweetshop.common.Money;
import org.sweetshop.sale.OfflineLine;
import org.sweetshop.sale.OfflineSale;
import org.sweetshop.sale.PaymentMethod;
import org.sweetshop.sale.PaymentPart;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.ReceiptLine;
import org.sweetshop.sale.Tender;

/**
 * A sale made offline, as its journal file holds it ({@code journal/sales/<saleId>.json}, format
 * {@value #FORMAT}): the sale id (checkout's idempotency key), the till, the cashier and her staff id,
 * when, the lines at the prices paid, the payments (since split tender: each part, the cash rounding; before: one payment in
 * {@code payment}/{@code tendered}) and the totals printed on the receipt. Weighed
 * lines (kind {@code WEIGHED}, grams at a price per kilogram) need no new format: a version that
 * does not know them refuses the line's kind instead of reading grams as pieces.
 */
public record JournalEntry(String format, UUID saleId, String till, String cashier, long staffId, Instant soldAt,
                           List<JournalLine> lines, PaymentMethod payment, BigDecimal tendered, BigDecimal subtotal,
                           BigDecimal total, BigDecimal change, List<PaymentPart> payments, BigDecimal cashRounding) {

    public static final String FORMAT = "sweetshop-journal/1";

    /** The sale to replay. */
    public OfflineSale toSale() {
        List<OfflineLine> offline = lines.stream()
                .map(line -> new OfflineLine(line.sweetId(), line.sku(), line.name(), line.quantity(), line.unitPrice(), line.soldBy()))
                .toList();
        return new OfflineSale(saleId, till, staffId, cashier, soldAt, offline, tender());
    }

    /**
     * The payments as the till settled them. A file written before split tender has one payment
     * (cash with what was tendered, or card) and no rounding.
     */
    public Tender tender() {
        if (payments != null && !payments.isEmpty()) {
            return new Tender(payments, cashRounding == null ? Money.ZERO : cashRounding, change == null ? Money.ZERO : change);
        }
        return Tender.single(payment, total, tendered);
    }

    /** The receipt the till printed: marked offline (its receipt number is given when it is sent). */
    public Receipt receipt(boolean replayed) {
        List<ReceiptLine> printed = lines.stream()
                .map(l -> new ReceiptLine(l.sku(), l.name(), l.quantity(), l.unitPrice(), l.lineTotal(), l.soldBy())).toList();
        return new Receipt(saleId, OfflineTill.RECEIPT_NO, till, cashier, soldAt, printed, subtotal, Money.ZERO, Money.ZERO, total,
                tender(), null, null, replayed);
    }
}
