package org.sweetshop.promo;

import org.sweetshop.common.LockOrder;
import org.sweetshop.common.PromoRefusedException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hibernate.SharedSessionContract;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;
import org.sweetshop.db.ConstraintViolation;
import org.sweetshop.db.Transactor;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/** Promo codes: created by managers, counted inside checkout. */
public final class PromoService {

    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,31}");
    /** The shape in either case, checked before upper-casing (ASCII only: 'ﬁfty' is not FIFTY). */
    private static final Pattern ANY_CASE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,31}", Pattern.CASE_INSENSITIVE);
    public static final int MAX_USES = 10_000_000;

    private final Transactor tx;
    private final Clock clock;

    public PromoService(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** The canonical (upper-case) code, or a refusal saying it is not a promo code. */
    public static String normalize(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("promo", "promo code is missing");
        }
        return Texts.requireCode("promo", code, ANY_CASE, "3 to 32 letters, digits, dashes or underscores")
                .toUpperCase(Locale.ROOT);
    }

    public static boolean looksLikeCode(String text) {
        return text != null && text.length() <= 40 && ANY_CASE.matcher(text.strip()).matches();
    }

    public PromoView add(Caller caller, NewPromo request) {
        Caller.require(caller, Role.MANAGER, "create promo codes");
        if (request == null) {
            throw new InvalidInputException("promo", "no promo code to create");
        }
        String code = normalize(request.code());
        if (request.discount() == null) {
            throw new InvalidInputException("discount", "a promo code needs a discount: a percent or an amount off");
        }
        if (request.maxUses() != null) {
            Texts.requireRange("max uses", request.maxUses(), 1, MAX_USES);
        }
        LocalDate today = LocalDate.now(clock);
        if (request.validUntil() != null && request.validUntil().isBefore(today)) {
            throw new InvalidInputException("valid until", "the end date " + request.validUntil() + " is in the past");
        }
        if (request.validFrom() != null && request.validUntil() != null && request.validFrom().isAfter(request.validUntil())) {
            throw new InvalidInputException("valid from", "the start date is after the end date");
        }
        try {
            return tx.call(em -> {
                StaffService.requireActive(em, caller);
                Promo promo = new Promo(code, request.discount(), request.maxUses(), request.validFrom(), request.validUntil(),
                        caller.staffId(), clock.instant());
                em.persist(promo);
                em.flush();
                return promo.view();
            });
        } catch (ConstraintViolation e) {
            if (e.is("promo_code_uq")) {
                throw new AlreadyExistsException("promo", code, "already registered: promo code " + code + " exists");
            }
            throw e;
        }
    }

    /** A promo code with its live uses; changes nothing. */
    public PromoView find(String code) {
        String canonical = normalize(code);
        return tx.call(em -> find(em, canonical, LockModeType.NONE).view());
    }

    public List<PromoView> list() {
        return tx.call(em -> em.createQuery("select p from Promo p order by p.code", Promo.class)
                .getResultStream().map(Promo::view).toList());
    }

    public PromoView deactivate(Caller caller, String code) {
        Caller.require(caller, Role.MANAGER, "switch off promo codes");
        String canonical = normalize(code);
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            Promo promo = Transactor.lock(LockOrder.PROMO, () -> find(em, canonical, LockModeType.PESSIMISTIC_WRITE));
            promo.deactivate();
            return promo.view();
        });
    }

    /**
     * Edits a promo code's limits under its lock (so a use cannot slip past a lowered maximum):
     * the maximum uses (null: unlimited; never below the uses made), the last valid day (null:
     * none) and whether it is switched on. Its code and discount stay: those are printed.
     */
    public PromoView edit(Caller caller, String code, Integer maxUses, LocalDate validUntil, boolean active) {
        Caller.require(caller, Role.MANAGER, "edit promo codes");
        String canonical = normalize(code);
        if (maxUses != null) {
            Texts.requireRange("max uses", maxUses, 1, MAX_USES);
        }
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            Promo promo = Transactor.lock(LockOrder.PROMO, () -> find(em, canonical, LockModeType.PESSIMISTIC_WRITE));
            promo.edit(maxUses, validUntil, active);
            return promo.view();
        });
    }

    /** Locks the promo code for a use ({@code PESSIMISTIC_WRITE}, {@link LockOrder#PROMO}): after the coupon, before the receipt counter. */
    public static Promo lockForUse(SharedSessionContract session, String canonicalCode) {
        return Transactor.lock(LockOrder.PROMO, () -> find(session, canonicalCode, LockModeType.PESSIMISTIC_WRITE),
                () -> "other tills are using promo " + canonicalCode + " right now");
    }

    private static Promo find(EntityManager em, String code, LockModeType lock) {
        return find(Transactor.session(em), code, lock);
    }

    private static Promo find(SharedSessionContract session, String code, LockModeType lock) {
        return session.createSelectionQuery("select p from Promo p where p.code = :code", Promo.class)
                .setParameter("code", code)
                .setLockMode(lock)
                .getResultStream().findFirst()
                .orElseThrow(() -> new PromoRefusedException(PromoRefusedException.Reason.UNKNOWN, code,
                        "promo code unknown: " + code));
    }
}
