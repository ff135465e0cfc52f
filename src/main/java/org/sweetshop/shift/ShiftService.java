package org.sweetshop.shift;

import org.sweetshop.common.ShiftRefusedException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sweetshop.common.LockOrder;
import org.sweetshop.common.Money;
import org.sweetshop.common.TaxLine;
import org.sweetshop.sale.SaleService;
import org.sweetshop.common.TillNames;
import org.sweetshop.db.ConstraintViolation;
import org.sweetshop.db.Transactor;
import org.sweetshop.sale.ReceiptCounter;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/**
 * Shifts at a till: open with a cash float, close with the counted cash, which freezes and returns
 * the shift's Z report.
 *
 * <p>Opening and closing first take the till's {@link ReceiptCounter} row (the lock checkout takes
 * last and holds to its commit), then the shift: {@link LockOrder#RECEIPT_COUNTER}, then
 * {@link LockOrder#SHIFT}. So a sale in flight at the till is either committed
 * before the shift opens or closes, or numbered after it, and the shift's sales are exactly the
 * till's receipts numbered in between: no clocks involved. Two opens or two closes at one till
 * queue on that lock, and the second sees the first's result: one shift opened, one Z report.
 * The partial unique index {@code shift_one_open_per_till_uq} backs this up.
 */
public final class ShiftService {

    private static final String ONE_OPEN_PER_TILL = "shift_one_open_per_till_uq";

    /**
     * The shift's sales, added up over the {@code Sale} entity: the till's receipts after the
     * opening's counter, up to the closing's.
     */
    private static final String TAKINGS = "select count(s), coalesce(sum(s.subtotal), 0), coalesce(sum(s.couponDiscount), 0),"
            + " coalesce(sum(s.promoDiscount), 0), coalesce(sum(s.total), 0),"
            + " coalesce(sum(s.cashPaid), 0), coalesce(sum(s.cardPaid), 0),"
            + " min(s.receiptSeq), max(s.receiptSeq), coalesce(sum(s.cashRounding), 0)"
            + " from Sale s where s.till = :till and s.receiptSeq > :after and s.receiptSeq <= :upTo";

    /** The shift's payments counted by method (a split sale's parts each count). */
    private static final String PAYMENTS = "select p.method, count(*) from sale s join sale_payment p on p.sale_id = s.id"
            + " where s.till = ?1 and s.receipt_seq > ?2 and s.receipt_seq <= ?3 group by p.method";

    private final Transactor tx;
    private final Clock clock;

    public ShiftService(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** The entities of this package, for the Hibernate bootstrap. */
    public static List<Class<?>> entities() {
        return List.of(Shift.class);
    }

    /**
     * Opens a shift at the till with the cash float put in the drawer. Any active member of staff
     * may; a till that has an open shift refuses a second, naming who opened it and when.
     */
    public ShiftView open(Caller caller, String till, BigDecimal openingFloat) {
        Caller.require(caller, Role.CASHIER, "open a shift");
        String name = TillNames.require(till);
        BigDecimal amount = Money.check("opening float", openingFloat);
        try {
            return tx.call(em -> {
                StaffService.requireActive(em, caller);
                long receiptSeq = lockCounter(em, name);
                Optional<Shift> open = openShift(em, name);
                if (open.isPresent()) {
                    throw alreadyOpen(em, open.get());
                }
                Shift shift = new Shift(name, caller.staffId(), now(), amount, receiptSeq);
                em.persist(shift);
                em.flush();
                return shift.view(caller.username());
            });
        } catch (ConstraintViolation e) {
            if (e.is(ONE_OPEN_PER_TILL)) {
                // only reached if something opened a shift without the counter's lock
                throw current(name).map(v -> ShiftRefusedException.alreadyOpen(name, v.openedBy(), v.openedAt(), clock.getZone()))
                        .orElseGet(() -> ShiftRefusedException.notOpen(name));
            }
            throw e;
        }
    }

    /** The till's open shift, if any. */
    public Optional<ShiftView> current(String till) {
        String name = TillNames.require(till);
        return tx.call(em -> openShift(em, name).map(shift -> shift.view(username(em, shift.getOpenedBy()))));
    }

    /**
     * Closes the till's open shift with the cash counted in the drawer, and returns its Z report.
     * Refused when no shift is open; two closes at once make one report, the other is refused.
     */
    public ZReport close(Caller caller, String till, BigDecimal countedCash) {
        Caller.require(caller, Role.CASHIER, "close a shift");
        String name = TillNames.require(till);
        BigDecimal counted = Money.check("counted cash", countedCash);
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            long receiptSeq = lockCounter(em, name);
            Shift shift = Transactor.lock(LockOrder.SHIFT, () -> em.createQuery(
                                    "select s from Shift s where s.till = :till and s.closedAt is null", Shift.class)
                            .setParameter("till", name)
                            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                            .getResultStream().findFirst())
                    .orElseThrow(() -> ShiftRefusedException.notOpen(name));
            shift.close(caller.staffId(), now(), counted, receiptSeq, takings(em, name, shift.getOpenReceiptSeq(), receiptSeq));
            shift.taxAdded(money(em.createQuery("select coalesce(sum(s.taxAdded), 0) from Sale s where s.till = :till"
                            + " and s.receiptSeq > :after and s.receiptSeq <= :upTo", Object.class)
                    .setParameter("till", name).setParameter("after", shift.getOpenReceiptSeq()).setParameter("upTo", receiptSeq)
                    .getSingleResult()));
            em.flush();
            return shift.zReport(username(em, shift.getOpenedBy()), caller.username(), taxes(em, shift));
        });
    }

    /** The Z report of a closed shift, for a reprint: the figures frozen at its close. Empty if unknown or still open. */
    public Optional<ZReport> zReport(long shiftId) {
        return tx.call(em -> Optional.ofNullable(em.find(Shift.class, shiftId))
                .filter(shift -> !shift.isOpen())
                .map(shift -> zReport(em, shift)));
    }

    /** The Z report of the till's last closed shift, if it ever closed one. */
    public Optional<ZReport> lastZReport(String till) {
        String name = TillNames.require(till);
        return tx.call(em -> em.createQuery("select s from Shift s where s.till = :till and s.closedAt is not null"
                        + " order by s.closedAt desc, s.id desc", Shift.class)
                .setParameter("till", name)
                .setMaxResults(1)
                .getResultStream().findFirst()
                .map(shift -> zReport(em, shift)));
    }

    /**
     * The Z reports of the shifts closed in {@code [from, to)}, by closing time, read in the
     * caller's own transaction (a report reads them on the same snapshot as its sales figures).
     */
    public static List<ZReport> closedBetween(EntityManager em, Instant from, Instant to) {
        return em.createQuery("select s from Shift s where s.closedAt >= :from and s.closedAt < :to"
                        + " order by s.closedAt, s.id", Shift.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultStream()
                .map(shift -> zReport(em, shift))
                .toList();
    }

    private static ZReport zReport(EntityManager em, Shift shift) {
        return shift.zReport(username(em, shift.getOpenedBy()), username(em, shift.getClosedBy()), taxes(em, shift));
    }

    /** The tax per rate of a closed shift's receipts: sales are never changed, so this is as frozen as its figures. */
    private static List<TaxLine> taxes(EntityManager em, Shift shift) {
        return SaleService.taxesOfReceipts(em, shift.getTill(), shift.getOpenReceiptSeq(), shift.getCloseReceiptSeq());
    }

    /** The first lock of a shift operation: the till's receipt counter, then the shift row. */
    private static long lockCounter(EntityManager em, String till) {
        return ReceiptCounter.lockAndRead(em, till);
    }

    private static Optional<Shift> openShift(EntityManager em, String till) {
        return em.createQuery("select s from Shift s where s.till = :till and s.closedAt is null", Shift.class)
                .setParameter("till", till)
                .getResultStream().findFirst();
    }

    private static Shift.Takings takings(EntityManager em, String till, long after, long upTo) {
        Object[] row = em.createQuery(TAKINGS, Object[].class)
                .setParameter("till", till)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .getSingleResult();
        Map<String, Integer> counted = new HashMap<>();
        for (Object result : em.createNativeQuery(PAYMENTS).setParameter(1, till).setParameter(2, after).setParameter(3, upTo)
                .getResultList()) {
            Object[] byMethod = (Object[]) result;
            counted.put((String) byMethod[0], ((Number) byMethod[1]).intValue());
        }
        return new Shift.Takings(((Number) row[0]).intValue(), money(row[1]), money(row[2]), money(row[3]), money(row[4]),
                money(row[5]), money(row[6]), row[7] == null ? null : ((Number) row[7]).longValue(),
                row[8] == null ? null : ((Number) row[8]).longValue(), counted.getOrDefault("CASH", 0),
                counted.getOrDefault("CARD", 0), money(row[9]));
    }

    private static BigDecimal money(Object value) {
        return new BigDecimal(value.toString()).setScale(Money.SCALE);
    }

    private ShiftRefusedException alreadyOpen(EntityManager em, Shift open) {
        return ShiftRefusedException.alreadyOpen(open.getTill(), username(em, open.getOpenedBy()), open.openedAt(), clock.getZone());
    }

    private static String username(EntityManager em, long staffId) {
        return em.createQuery("select s.username from Staff s where s.id = :id", String.class)
                .setParameter("id", staffId).getSingleResult();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // what the database keeps
    }
}
