package org.sweetshop.catalog;

/**
 * What a scanned code puts in the basket: a product barcode is one pack of a counted sweet (or of a
 * weighed one sold in fixed packs: then {@code quantity} is the pack's grams); a scale label is its
 * weighed sweet with the grams the label carries or that its price comes to.
 *
 * @param sweet     the sweet, as the catalogue has it now
 * @param quantity  pieces, or grams for a weighed sweet
 * @param label     true when the code was a scale label (its weight or price is the line's own)
 */
public record ScannedItem(SweetView sweet, int quantity, boolean label) {
}
