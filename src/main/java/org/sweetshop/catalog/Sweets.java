package org.sweetshop.catalog;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.hibernate.SharedSessionContract;
import org.sweetshop.common.LockOrder;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.Texts;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.db.ConstraintViolation;
import org.sweetshop.db.Transactor;

/**
 * Finding and locking sweets. Every lock on sweets goes through here, in ascending id order:
 * {@link LockOrder#SWEETS}, after a refunded sale's row and before any coupon, promo code or
 * receipt counter.
 */
public final class Sweets {

    /** SKUs double as barcodes: letters, digits, dot, dash, underscore. */
    public static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The lock query's text per number of SKUs: checkout asks for it on every sale. */
    private static final Map<Integer, String> LOCK_QUERIES = new ConcurrentHashMap<>();

    private Sweets() {
    }

    /** The unique index on {@code lower(sku)} (V7): two SKUs that differ only in case. */
    static final String SKU_IGNORING_CASE_UQ = "sweet_sku_lower_uq";

    /**
     * The refusal for a SKU already taken, exactly ({@code sweet_sku_uq}) or ignoring case
     * ({@link #SKU_IGNORING_CASE_UQ}); null when the violation is another constraint's.
     */
    static AlreadyExistsException skuTaken(ConstraintViolation e, String sku) {
        if (e.is("sweet_sku_uq")) {
            return new AlreadyExistsException("sweet", sku, "already registered: a sweet with SKU " + sku + " exists");
        }
        if (e.is(SKU_IGNORING_CASE_UQ)) {
            return new AlreadyExistsException("sweet", sku, "already registered: a sweet with SKU " + sku
                    + " exists ignoring case (SKUs that differ only in case are one SKU)");
        }
        return null;
    }

    /** What SKUs are compared by for uniqueness: ASCII only (see {@link #SKU}), so this is PostgreSQL's {@code lower}. */
    static String key(String sku) {
        return sku.toLowerCase(java.util.Locale.ROOT);
    }

    public static String requireSku(String sku) {
        return Texts.requireCode("sku", sku, SKU, "1 to 64 letters, digits, dots, dashes or underscores");
    }

    /**
     * Locks the sweets with these SKUs, {@code PESSIMISTIC_WRITE}, in ascending id order, with one
     * statement. Unknown SKUs are refused; a lock wait past the timeout is "busy" naming the sweets.
     */
    public static List<Sweet> lockInIdOrder(EntityManager em, Collection<String> skus) {
        return lockInIdOrder(Transactor.session(em), skus);
    }

    /** As above, for a stateful or a stateless session. */
    public static List<Sweet> lockInIdOrder(SharedSessionContract session, Collection<String> skus) {
        // one positional parameter per SKU rather than one collection parameter: Hibernate caches the
        // translated SQL per query string, and re-translates a query with a multi-valued parameter
        // on every execution (measured: a third of checkout's CPU)
        String hql = LOCK_QUERIES.computeIfAbsent(skus.size(), Sweets::lockQuery);
        List<Sweet> sweets = Transactor.lock(LockOrder.SWEETS, () -> {
                    var query = session.createSelectionQuery(hql, Sweet.class).setLockMode(LockModeType.PESSIMISTIC_WRITE);
                    int position = 1;
                    for (String sku : skus) {
                        query.setParameter(position++, sku);
                    }
                    return query.getResultList();
                },
                () -> "another till is selling " + String.join(", ", skus));
        if (sweets.size() != skus.size()) {
            List<String> found = sweets.stream().map(Sweet::getSku).toList();
            String missing = skus.stream().filter(s -> !found.contains(s)).findFirst().orElse("?");
            throw unknown(missing);
        }
        return sweets;
    }

    /**
     * Locks the sweets with these ids, {@code PESSIMISTIC_WRITE}, in ascending id order, with one
     * statement: for work that knows sweets by id (a refund knows the sweets its sale sold, whose
     * SKUs may have changed since). {@code what} names them in the "busy" message.
     */
    public static List<Sweet> lockByIdsInIdOrder(EntityManager em, Collection<Long> ids, String what) {
        List<Sweet> sweets = Transactor.lock(LockOrder.SWEETS, () -> em.createQuery(
                                "select s from Sweet s where s.id in :ids order by s.id", Sweet.class)
                        .setParameter("ids", ids)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList(),
                () -> "another till is selling " + what);
        if (sweets.size() != ids.size()) {
            throw new IllegalStateException("sweets missing among ids " + ids);
        }
        return sweets;
    }

    /**
     * As {@link #lockByIdsInIdOrder}, on a stateless session, returning the sweets found (an offline
     * sale's replay knows its sweets by the ids of the till's catalogue snapshot; one may be gone).
     */
    public static List<Sweet> lockFoundByIdsInIdOrder(SharedSessionContract session, Collection<Long> ids, String what) {
        return Transactor.lock(LockOrder.SWEETS, () -> session.createSelectionQuery(
                                "select s from Sweet s where s.id in :ids order by s.id", Sweet.class)
                        .setParameter("ids", ids)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList(),
                () -> "another till is selling " + what);
    }

    /** Locks one sweet by SKU. */
    public static Sweet lockOne(EntityManager em, String sku) {
        return lockInIdOrder(em, List.of(sku)).get(0);
    }

    private static String lockQuery(int parameters) {
        StringJoiner in = new StringJoiner(", ", "select s from Sweet s where s.sku in (", ") order by s.id");
        for (int i = 1; i <= parameters; i++) {
            in.add("?" + i);
        }
        return in.toString();
    }

    public static NotFoundException unknown(String sku) {
        return new NotFoundException("sweet", sku, "unknown sweet: no SKU '" + Texts.shorten(sku) + "' in the catalogue");
    }
}
