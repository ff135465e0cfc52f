package org.sweetshop.sale;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.Texts;
import org.sweetshop.db.Transactor;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/**
 * The stock discrepancies offline sales left ({@link OfflineReplay}), for a manager: the list, and
 * resolving one (once: a conditional update, so two managers resolving the same one at once get one
 * "resolved" and one "already resolved"; the database's {@code offline_conflict_guard} refuses a
 * second resolution by a role that is not the owner).
 */
public final class ConflictService {

    public static final int MAX_NOTE = 500;

    private final Transactor tx;
    private final Clock clock;

    public ConflictService(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** The entities of this room, for the Hibernate bootstrap. */
    static List<Class<?>> entities() {
        return List.of(OfflineConflict.class);
    }

    /** The open discrepancies, oldest sale first; with {@code all}, the resolved ones too. */
    public List<ConflictView> list(Caller caller, boolean all) {
        Caller.require(caller, Role.MANAGER, "see the stock discrepancies of offline sales");
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            List<OfflineConflict> conflicts = em.createQuery("select c from OfflineConflict c"
                            + (all ? "" : " where c.resolvedAt is null") + " order by c.soldAt, c.saleId", OfflineConflict.class)
                    .setMaxResults(1000).getResultList();
            List<ConflictView> views = new ArrayList<>();
            for (OfflineConflict c : conflicts) {
                Sale sale = em.createQuery("select s from Sale s left join fetch s.lines where s.id = :id", Sale.class)
                        .setParameter("id", c.saleId()).getSingleResult();
                String cashier = username(em, sale.staffId());
                String resolver = c.resolvedBy() == null ? null : username(em, c.resolvedBy());
                List<ReceiptLine> lines = sale.lines().stream().sorted(Comparator.comparingInt(SaleLine::lineNo))
                        .map(SaleLine::receiptLine).toList();
                views.add(new ConflictView(c.saleId(), c.till(), sale.receiptNo(), cashier, c.soldAt(), lines, sale.total(),
                        c.reason(), resolver, c.resolvedAt(), c.resolution()));
            }
            return views;
        });
    }

    /** How many discrepancies are open (for the audit's and the status line's count). */
    public long openCount(Caller caller) {
        Caller.require(caller, Role.CASHIER, "count the stock discrepancies of offline sales");
        return tx.call(em -> em.createQuery("select count(c) from OfflineConflict c where c.resolvedAt is null", Long.class)
                .getSingleResult());
    }

    /**
     * Marks the discrepancy of this sale resolved by the caller (a manager), with a note of what was
     * done (e.g. "counted: stocktake of FUDGE"). Refused when there is none or it is resolved already.
     */
    public ConflictView resolve(Caller caller, UUID saleId, String note) {
        Caller.require(caller, Role.MANAGER, "resolve a stock discrepancy");
        if (saleId == null) {
            throw new InvalidInputException("sale id", "no sale id given");
        }
        String text = note == null || note.isBlank() ? null : Texts.requireText("note", note, MAX_NOTE);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        tx.run(em -> {
            StaffService.requireActive(em, caller);
            OfflineConflict conflict = em.find(OfflineConflict.class, saleId);
            if (conflict == null) {
                throw new NotFoundException("discrepancy", saleId.toString(), "no stock discrepancy for sale " + saleId);
            }
            int updated = em.createQuery("update OfflineConflict c set c.resolvedBy = :by, c.resolvedAt = :at, c.resolution = :note"
                            + " where c.saleId = :id and c.resolvedAt is null")
                    .setParameter("by", caller.staffId()).setParameter("at", now).setParameter("note", text)
                    .setParameter("id", saleId).executeUpdate();
            if (updated == 0) {
                throw new AlreadyExistsException("resolution", saleId.toString(),
                        "already resolved: the stock discrepancy of sale " + saleId + " was resolved before");
            }
        });
        return list(caller, true).stream().filter(v -> v.saleId().equals(saleId)).findFirst().orElseThrow();
    }

    private static String username(jakarta.persistence.EntityManager em, long staffId) {
        return em.createQuery("select s.username from Staff s where s.id = :id", String.class)
                .setParameter("id", staffId).getSingleResult();
    }
}
