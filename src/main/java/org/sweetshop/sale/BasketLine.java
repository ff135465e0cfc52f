package org.sweetshop.sale;

/** A sweet and how many of it, as the till's basket holds them. */
public record BasketLine(String sku, int quantity) {
}
