package org.sweetshop.cli;

import java.util.ArrayList;
import java.util.List;
import org.sweetshop.catalog.CatalogService;
import org.sweetshop.catalog.ScannedItem;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.Quantity;
import org.sweetshop.sale.BasketLine;

/**
 * The {@code --item}s of {@code sell}, resolved against the catalogue: a SKU's quantity is read in
 * its sweet's unit (a count, or a weight for a weighed sweet: a bare number refused), and digits
 * that are no SKU are a code ({@link CatalogService#resolveCode}): a product barcode is {@code N}
 * packs (default 1), a scale label its own weighed line.
 */
final class BasketItems {

    private BasketItems() {
    }

    static List<BasketLine> resolve(CatalogService catalog, List<Arguments.Item> items) {
        List<BasketLine> lines = new ArrayList<>();
        for (Arguments.Item item : items) {
            lines.add(resolve(catalog, item));
        }
        return lines;
    }

    private static BasketLine resolve(CatalogService catalog, Arguments.Item item) {
        SweetView sweet;
        try {
            sweet = catalog.find(item.code());
        } catch (NotFoundException | InvalidInputException notASku) {
            if (!item.code().chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw notASku;
            }
            return code(catalog, item);
        }
        String field = "quantity of " + sweet.sku();
        if (item.quantity() == null) {
            if (sweet.weighed()) {
                throw new InvalidInputException(field, sweet.name() + " (" + sweet.sku() + ") is sold by weight: give the weight"
                        + " with its unit, e.g. " + sweet.sku() + ":250g or " + sweet.sku() + ":0.25kg");
            }
            return new BasketLine(sweet.sku(), 1);
        }
        return new BasketLine(sweet.sku(), Quantity.parse(field, item.quantity(), sweet.soldBy()));
    }

    private static BasketLine code(CatalogService catalog, Arguments.Item item) {
        ScannedItem scanned = catalog.resolveCode(item.code());
        String sku = scanned.sweet().sku();
        if (scanned.label()) {
            if (item.quantity() != null) {
                throw new InvalidInputException("item", "scale label " + item.code() + " carries its own weight: give it without :"
                        + item.quantity());
            }
            return new BasketLine(sku, scanned.quantity());
        }
        int packs = item.quantity() == null ? 1
                : Quantity.parse("packs of " + item.code(), item.quantity(), org.sweetshop.common.SoldBy.COUNTED);
        long quantity = (long) packs * scanned.quantity();
        return new BasketLine(sku, (int) Math.min(quantity, Integer.MAX_VALUE));
    }
}
