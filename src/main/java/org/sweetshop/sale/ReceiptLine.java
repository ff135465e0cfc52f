package org.sweetshop.sale;

import java.math.BigDecimal;

public record ReceiptLine(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
}
