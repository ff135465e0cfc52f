package org.sweetshop.catalog;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.ProductCode;

/**
 * The catalogue's product barcodes ({@code sweet_barcode}): each code on one sweet, kept in the one
 * form {@link ProductCode} gives (UPC-A as its EAN-13). A code in a scale-label range is not a
 * product barcode: a scanned label would be read as the label, never as the pack.
 */
final class Barcodes {

    /** The primary key of sweet_barcode: a code already on a sweet. */
    static final String CODE_TAKEN = "sweet_barcode_pkey";
    /** The most barcodes one sweet may carry. */
    static final int MAX_PER_SWEET = 20;

    private Barcodes() {
    }

    /** The barcode {@code text} as the catalogue keeps it, refused when invalid or in a label range. */
    static ProductCode check(ScaleLabels labels, String text) {
        ProductCode code = ProductCode.parse("barcode", text);
        if (labels.inLabelRange(code.digits())) {
            throw new InvalidInputException("barcode", "Barcode " + code.digits() + " is in the store's scale-label range ("
                    + String.join(", ", labels.patterns().stream().map(ScaleLabels.Pattern::prefix).toList())
                    + "...): a label scale prints those, they cannot be a pack's barcode");
        }
        return code;
    }

    /** Each of {@code texts} checked, a code given twice refused. */
    static List<String> checkAll(ScaleLabels labels, List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            return List.of();
        }
        if (texts.size() > MAX_PER_SWEET) {
            throw new InvalidInputException("barcode", "a sweet carries at most " + MAX_PER_SWEET + " barcodes");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String text : texts) {
            String code = check(labels, text).digits();
            if (!codes.add(code)) {
                throw new InvalidInputException("barcode", "Barcode " + code + " is given twice");
            }
        }
        return new ArrayList<>(codes);
    }

    static void insert(EntityManager em, String code, long sweetId) {
        em.createNativeQuery("insert into sweet_barcode (code, sweet_id) values (?1, ?2)")
                .setParameter(1, code).setParameter(2, sweetId).executeUpdate();
    }

    /** The sweet that carries {@code code}, if any. */
    static Optional<Sweet> owner(EntityManager em, String code) {
        List<?> ids = em.createNativeQuery("select sweet_id from sweet_barcode where code = ?1")
                .setParameter(1, code).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.ofNullable(em.find(Sweet.class, ((Number) ids.get(0)).longValue()));
    }

    static AlreadyExistsException taken(String code, Sweet owner) {
        return new AlreadyExistsException("barcode", code, "already registered: barcode " + code + " is on "
                + owner.getName() + " (" + owner.getSku() + ")");
    }

    /** The codes on a sweet, in the order added. */
    @SuppressWarnings("unchecked")
    static List<String> of(EntityManager em, long sweetId) {
        return em.createNativeQuery("select code from sweet_barcode where sweet_id = ?1 order by created_at, code", String.class)
                .setParameter(1, sweetId).getResultList();
    }
}
