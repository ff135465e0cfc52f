package org.sweetshop.tax;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;
import org.sweetshop.common.TillNames;
import org.sweetshop.db.ConstraintViolation;
import org.sweetshop.db.Transactor;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditLog;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/**
 * The store's tax rates. Anyone may list them; managers and owners add one (a catalogue change,
 * audit-logged as {@code TAX_RATE_ADD}). A rate is never changed or removed once made: the sales
 * taxed at it keep its code, name and rate, and a sweet moves to another rate with
 * {@code sweet edit --tax}.
 */
public final class TaxService {

    /** The primary key of tax_rate: a code already taken. */
    private static final String CODE_TAKEN = "tax_rate_pkey";

    private final Transactor tx;
    private final Clock clock;

    public TaxService(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** The entities of this package, for the Hibernate bootstrap. */
    public static List<Class<?>> entities() {
        return List.of(TaxRate.class);
    }

    /** Every rate, by code. */
    public List<TaxRateView> list() {
        return tx.call(em -> List.copyOf(TaxRates.read(Transactor.session(em)).rates().values())).stream()
                .sorted(java.util.Comparator.comparing(TaxRateView::code)).toList();
    }

    /**
     * Adds a rate: a code (1 to 8 letters or digits, kept in capitals, not taken), a name (1 to 40
     * characters) and a rate in percent, 0 to 100 with at most two decimals ({@code 20}, {@code 12.5}).
     * A refused one changes nothing.
     *
     * @param till where it was added (the audit entry's till); may be null
     */
    public TaxRateView add(Caller caller, String code, String name, String rate, String till) {
        Caller.require(caller, Role.MANAGER, "add tax rates");
        String checkedCode = TaxRates.requireCode("code", code);
        String checkedName = Texts.requireText("name", name, 40);
        BigDecimal percent = requireRate(rate);
        String where = TillNames.optional(till);
        try {
            return tx.call(em -> {
                StaffService.requireActive(em, caller);
                if (em.find(TaxRate.class, checkedCode) != null) {
                    throw taken(checkedCode);
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                TaxRate added = new TaxRate(checkedCode, checkedName, percent, now);
                em.persist(added);
                em.flush();
                AuditLog.record(em, caller.staffId(), AuditAction.TAX_RATE_ADD, checkedCode, null,
                        checkedName + " " + added.view().percent(), where, now);
                return added.view();
            });
        } catch (ConstraintViolation e) {
            if (e.is(CODE_TAKEN)) {
                throw taken(checkedCode);
            }
            throw e;
        }
    }

    /** A rate typed in: a percentage from 0 to 100 with at most two decimals ({@code 20}, {@code 5}, {@code 12.5}). */
    public static BigDecimal requireRate(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.endsWith("%")) {
            typed = typed.substring(0, typed.length() - 1).strip();
        }
        if (!typed.matches("\\d{1,3}(\\.\\d{1,9})?")) {
            throw new InvalidInputException("rate", "the rate must be a percentage from 0 to 100 such as 20 or 12.5, not '"
                    + Texts.shorten(text == null ? "" : text) + "'");
        }
        BigDecimal rate = new BigDecimal(typed);
        if (rate.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("rate", "the rate " + typed + " has more than two decimals");
        }
        if (rate.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("rate", "the rate " + typed + " is more than 100%");
        }
        return rate.setScale(2);
    }

    private static AlreadyExistsException taken(String code) {
        return new AlreadyExistsException("tax rate", code, "tax rate " + code + " already exists: a rate is never changed;"
                + " add one with another code");
    }
}
