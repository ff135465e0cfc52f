package org.sweetshop.sale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stock discrepancy of an offline sale as the back office lists it: the sale (till, receipt,
 * cashier, when it was sold, its lines and total), why it could not be applied, and who resolved it
 * when (null while open).
 */
public record ConflictView(UUID saleId, String till, String receiptNo, String cashier, Instant soldAt, List<ReceiptLine> lines,
                           BigDecimal total, String reason, String resolvedBy, Instant resolvedAt, String resolution) {

    public boolean open() {
        return resolvedAt == null;
    }
}
