package org.sweetshop.sale;

import java.math.BigDecimal;

/**
 * A counted line of an offline sale, as the till priced it from its catalogue snapshot: the sweet's
 * id and SKU then, its name, how many and the unit price the customer paid. (Weighed sweets, issue
 * 10, will add a line with grams and a price per kilogram beside this one.)
 */
public record OfflineLine(long sweetId, String sku, String name, int quantity, BigDecimal unitPrice) {
}
