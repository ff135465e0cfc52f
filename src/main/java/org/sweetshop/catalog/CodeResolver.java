package org.sweetshop.catalog;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.NotForSaleException;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.ProductCode;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.common.Texts;

/**
 * What a code read by a scanner (or typed) stands for, read only and without locks (checkout locks
 * and checks again): digits in a scale-label range ({@link ScaleLabels}) are that label: its PLU's
 * weighed sweet with the label's grams, or the grams its price comes to; any other digits are a
 * product barcode ({@link ProductCode#candidates}: 8 digits may be an EAN-8 or a UPC-E), one pack
 * of the counted sweet that carries it. Every refusal says what was wrong with the code.
 */
final class CodeResolver {

    private final EntityManager em;
    private final ScaleLabels labels;

    CodeResolver(EntityManager em, ScaleLabels labels) {
        this.em = em;
        this.labels = labels;
    }

    ScannedItem resolve(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > ProductCode.MAX_LENGTH || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("code", "'" + Texts.shorten(t) + "' is not a barcode or a scale label: those are"
                    + " 8, 12 or 13 digits");
        }
        Optional<ScaleLabels.Label> label = labels.read(t);
        if (label.isPresent()) {
            return label(label.get());
        }
        List<ProductCode> candidates = ProductCode.candidates(t);
        if (candidates.isEmpty()) {
            ProductCode.parse("code", t); // refuses with why: its length or its check digit
            throw new InvalidInputException("code", "'" + t + "' is not a product code"); // not reached
        }
        for (ProductCode code : candidates) {
            Optional<Sweet> sweet = Barcodes.owner(em, code.digits());
            if (sweet.isPresent()) {
                Sweet s = sweet.get();
                requireActive(s);
                return new ScannedItem(s.view(), 1, false);
            }
        }
        throw new NotFoundException("barcode", t, "unknown barcode " + t + ": no sweet in the catalogue carries it"
                + " (add it with sweet barcode add)");
    }

    private ScannedItem label(ScaleLabels.Label label) {
        String plu = String.format("%05d", label.plu());
        Sweet sweet = em.createQuery("select s from Sweet s where s.plu = :plu", Sweet.class).setParameter("plu", label.plu())
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("PLU", plu, "unknown PLU " + plu + " on scale label " + label.code()
                        + ": no sweet in the catalogue has it"));
        if (!sweet.getSoldBy().weighed()) {
            throw new InvalidInputException("code", "Scale label " + label.code() + " carries PLU " + plu + ", which is "
                    + sweet.getName() + " (" + sweet.getSku() + "), sold by the piece: a scale label is for a weighed sweet");
        }
        requireActive(sweet);
        int grams;
        if (label.carries() == ScaleLabels.Carries.WEIGHT) {
            grams = label.grams();
            if (grams < 1) {
                throw new InvalidInputException("code", "Scale label " + label.code() + " carries a weight of 0 g: weigh again");
            }
        } else {
            grams = ScaleLabels.gramsForPrice(sweet.getPrice(), label.price(), sweet.getName() + " (" + sweet.getSku() + ")");
        }
        if (Money.weighedLine(sweet.getPrice(), grams).signum() == 0) {
            throw new InvalidInputException("code", "Scale label " + label.code() + ": " + Quantity.format(grams, SoldBy.WEIGHED)
                    + " of " + sweet.getName() + " comes to 0.00");
        }
        return new ScannedItem(sweet.view(), grams, true);
    }

    private static void requireActive(Sweet sweet) {
        if (!sweet.isActive()) {
            throw new NotForSaleException(sweet.getSku(), sweet.getName());
        }
    }
}
