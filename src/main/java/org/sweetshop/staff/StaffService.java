package org.sweetshop.staff;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hibernate.SharedSessionContract;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.LockOrder;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.common.Texts;
import org.sweetshop.db.ConstraintViolation;
import org.sweetshop.db.Transactor;

/**
 * Staff accounts: registration, log-in with lockout, PINs (a till's lock screen and a manager's
 * approval, with a lock-out of their own), and the roles every other service checks.
 */
public final class StaffService {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,31}");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;
    public static final int MIN_PIN = 4;
    public static final int MAX_PIN = 6;
    /** How a PIN's lock-out says until when ("locked until 14:35"), in the clock's zone. */
    private static final java.time.format.DateTimeFormatter UNTIL = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    private final Transactor tx;
    private final PasswordHasher hasher;
    private final Clock clock;
    /** Verified against when a username is unknown, so that it takes as long as a real check. */
    private final String dummyHash;

    public StaffService(Transactor tx, PasswordHasher hasher, Clock clock) {
        this.tx = tx;
        this.hasher = hasher;
        this.clock = clock;
        this.dummyHash = hasher.hash("not a real password at all");
    }

    /**
     * Adds a member of staff. With no caller this creates the store's first account, which must be
     * an owner, and is refused once any account exists. A manager may add cashiers; an owner anyone.
     * Two tills registering the same username (in any case) at once: one wins, the other is told
     * "already registered".
     */
    public StaffView register(Caller caller, String username, Role role, String password) {
        String name = requireUsername(username);
        if (role == null) {
            throw new InvalidInputException("role", "role must be cashier, manager or owner");
        }
        requirePassword(password);
        if (caller != null) {
            requireMayAdd(caller, role);
        }
        String hash = hasher.hash(password);
        try {
            return tx.call(em -> {
                if (caller == null) {
                    // one store-wide row lock: two "first" accounts racing cannot both pass
                    lockStore(em);
                    Number count = (Number) em.createQuery("select count(s) from Staff s").getSingleResult();
                    if (count.longValue() > 0) {
                        throw new NotPermittedException("not permitted: staff accounts exist already; an owner or manager must add staff",
                                NotPermittedException.Remedy.A_CALLER);
                    }
                    if (role != Role.OWNER) {
                        throw new NotPermittedException("not permitted: the store's first account must be an owner",
                                NotPermittedException.Remedy.THE_OWNER_ROLE);
                    }
                } else {
                    requireActive(em, caller);
                }
                Instant now = clock.instant();
                Staff staff = new Staff(name, role, hash, now);
                em.persist(staff);
                em.flush();
                // the first account registers itself
                long actor = caller == null ? staff.getId() : caller.staffId();
                AuditLog.record(em, actor, AuditAction.STAFF_REGISTER, staff.getUsername(), null, role.label(), null, now);
                return staff.view();
            });
        } catch (ConstraintViolation e) {
            if (e.is("staff_username_key_uq")) {
                throw new AlreadyExistsException("staff", name, "already registered: the username '" + name + "' is taken");
            }
            throw e;
        }
    }

    /** The entities of this package, for the Hibernate bootstrap. */
    public static List<Class<?>> entities() {
        return List.of(Staff.class, Store.class);
    }

    /** A random password for accounts made by the demo and by password resets: 14 characters, ~80 bits. */
    public static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** True when the store has no account yet (first-run set-up). */
    public boolean noStaffYet() {
        return tx.call(em -> ((Number) em.createQuery("select count(s) from Staff s").getSingleResult()).longValue() == 0);
    }

    private enum Outcome { OK, BAD, LOCKED, INACTIVE }

    private record LoginResult(Outcome outcome, Caller caller, Instant lockedUntil) {
    }

    /** What a log-in reads of an account, without a lock: enough to check the password outside any transaction. */
    private record Account(long id, String username, Role role, String passwordHash, boolean active, boolean locked,
                           boolean noFailuresRecorded, Instant lockedUntil) {
    }

    /** How often a log-in re-checks a password changed between its read and its record (then it is refused). */
    private static final int LOGIN_READS = 3;

    /**
     * Checks a username and password. Five failures in a row lock the account for five minutes;
     * the failure count is committed even though the log-in is refused.
     *
     * <p>No row lock is held while the password is hashed (Argon2id, tens of milliseconds): the
     * account is read without a lock, the password checked outside any transaction, and only then a
     * short transaction locks the row to count the failure, or to reset the count after a success,
     * re-checking under the lock what may have changed meanwhile (a lockout made by concurrent
     * failures, a deactivation, a new password). A success on an account with nothing to reset
     * writes nothing and takes no lock at all. So log-ins of one person never queue behind each
     * other's hashing, and the lockout stays exact: failures are counted one at a time under the lock.
     */
    public Caller login(String username, String password) {
        if (username == null || password == null || username.length() > 64 || password.length() > MAX_PASSWORD
                || !USERNAME.matcher(username.strip()).matches()) {
            throw NotPermittedException.badCredentials();
        }
        String key = Staff.key(username.strip());
        LoginResult result = null;
        for (int read = 1; result == null; read++) {
            Account account = tx.call(em -> em.createQuery("select s from Staff s where s.usernameKey = :key", Staff.class)
                    .setParameter("key", key)
                    .getResultStream()
                    .findFirst()
                    .map(s -> new Account(s.getId(), s.getUsername(), s.getRole(), s.getPasswordHash(), s.isActive(),
                            s.lockedAt(clock.instant()), s.noFailuresRecorded(), s.getLockedUntil()))
                    .orElse(null));
            if (account == null) {
                hasher.matches(password, dummyHash); // same work as for a real account
                result = new LoginResult(Outcome.BAD, null, null);
            } else if (account.locked()) {
                result = new LoginResult(Outcome.LOCKED, null, account.lockedUntil());
            } else {
                boolean matches = hasher.matches(password, account.passwordHash()); // outside any transaction
                if (matches && account.noFailuresRecorded()) {
                    // nothing to reset: the log-in is decided by what was read, with no lock and no write
                    result = account.active()
                            ? new LoginResult(Outcome.OK, new Caller(account.id(), account.username(), account.role()), null)
                            : new LoginResult(Outcome.INACTIVE, null, null);
                } else {
                    result = record(account, matches, read < LOGIN_READS);
                }
            }
        }
        switch (result.outcome()) {
            case OK:
                return result.caller();
            case LOCKED:
                long minutes = Math.max(1, Duration.between(clock.instant(), result.lockedUntil()).toMinutes() + 1);
                throw NotPermittedException.locked(minutes);
            case INACTIVE:
                throw new NotPermittedException("not permitted: this account has been deactivated");
            default:
                throw NotPermittedException.badCredentials();
        }
    }

    /**
     * Records a checked password under the account's row lock (a short transaction, no hashing):
     * a failure is counted, unless the account got locked meanwhile; a success resets the count,
     * unless the account got locked or deactivated meanwhile. Null: the password changed since it
     * was read, check it again ({@code again}), or else it is refused as wrong.
     */
    private LoginResult record(Account account, boolean matches, boolean again) {
        return tx.call(em -> {
            Staff staff = Transactor.lock(LockOrder.STAFF, () -> em.find(Staff.class, account.id(), LockModeType.PESSIMISTIC_WRITE));
            if (staff == null) {
                return new LoginResult(Outcome.BAD, null, null);
            }
            Instant now = clock.instant();
            if (staff.lockedAt(now)) {
                return new LoginResult(Outcome.LOCKED, null, staff.getLockedUntil());
            }
            if (!staff.getPasswordHash().equals(account.passwordHash())) {
                return again ? null : new LoginResult(Outcome.BAD, null, null);
            }
            if (!matches) {
                staff.loginFailed(now);
                return staff.lockedAt(now) ? new LoginResult(Outcome.LOCKED, null, staff.getLockedUntil())
                        : new LoginResult(Outcome.BAD, null, null);
            }
            if (!staff.isActive()) {
                return new LoginResult(Outcome.INACTIVE, null, null);
            }
            staff.loginSucceeded();
            return new LoginResult(Outcome.OK, new Caller(staff.getId(), staff.getUsername(), staff.getRole()), null);
        });
    }

    // ---- PINs -----------------------------------------------------------------------------

    /**
     * Sets the caller's own PIN, with the caller's password (a PIN unlocks a till: whoever stands at
     * a till left logged in must not give themselves one). Anyone may.
     */
    public void setOwnPin(Caller caller, String password, String pin) {
        Caller.present(caller);
        String digits = requirePin(pin);
        if (password == null || password.length() > MAX_PASSWORD) {
            throw new NotPermittedException("not permitted: wrong password: your PIN is unchanged");
        }
        String passwordHash = tx.call(em -> {
            requireActive(em, caller);
            return em.find(Staff.class, caller.staffId()).getPasswordHash();
        });
        if (!hasher.matches(password, passwordHash)) {   // outside any transaction
            throw new NotPermittedException("not permitted: wrong password: your PIN is unchanged");
        }
        String hash = hasher.hash(digits);
        tx.run(em -> {
            requireActive(em, caller);
            Staff staff = Transactor.lock(LockOrder.STAFF, () -> em.find(Staff.class, caller.staffId(), LockModeType.PESSIMISTIC_WRITE));
            if (!staff.getPasswordHash().equals(passwordHash)) {
                throw new NotPermittedException("not permitted: your password was changed meanwhile: your PIN is unchanged, try again");
            }
            staff.changePinHash(hash);
            AuditLog.record(em, caller.staffId(), AuditAction.PIN_SET, staff.getUsername(), null, null, null, clock.instant());
        });
    }

    /**
     * Sets another person's PIN: a manager sets a cashier's, an owner anyone's (the rule of
     * {@link #resetPassword}); one's own needs one's password ({@link #setOwnPin}).
     */
    public void setPin(Caller caller, String username, String pin) {
        Caller.require(caller, Role.MANAGER, "set PINs");
        String digits = requirePin(pin);
        refuseOwn(caller, username, "set your own PIN with your password");
        String hash = hasher.hash(digits);
        changeAccount(caller, username, "set PINs", AuditAction.PIN_SET, staff -> {
            staff.changePinHash(hash);
            return new String[] {null, null};
        });
    }

    /**
     * Clears a PIN: one's own (anyone), or as {@link #setPin} allows. False when there was none
     * (nothing changed, nothing logged).
     */
    public boolean clearPin(Caller caller, String username) {
        Caller.present(caller);
        String key = Staff.key(requireUsername(username));
        boolean[] cleared = {false};
        java.util.function.Function<Staff, String[]> clear = staff -> {
            if (!staff.hasPin()) {
                return null;
            }
            staff.changePinHash(null);
            cleared[0] = true;
            return new String[] {null, null};
        };
        if (key.equals(Staff.key(caller.username()))) {
            tx.run(em -> {
                requireActive(em, caller);
                Staff staff = Transactor.lock(LockOrder.STAFF, () -> em.find(Staff.class, caller.staffId(), LockModeType.PESSIMISTIC_WRITE));
                if (clear.apply(staff) != null) {
                    AuditLog.record(em, caller.staffId(), AuditAction.PIN_CLEAR, staff.getUsername(), null, null, null, clock.instant());
                }
            });
        } else {
            changeAccount(caller, username, "clear PINs", AuditAction.PIN_CLEAR, clear);
        }
        return cleared[0];
    }

    /** The active staff who have a PIN, by name: the lock screen's and the approval dialog's buttons. */
    public List<PinHolder> pinHolders(Caller caller) {
        Caller.present(caller);
        return tx.call(em -> {
            requireActive(em, caller);
            return em.createQuery("select s from Staff s where s.pinHash is not null and s.active = true order by s.usernameKey", Staff.class)
                    .getResultStream().map(s -> new PinHolder(s.getUsername(), s.getRole())).toList();
        });
    }

    /**
     * Unlocks a till with a PIN: the caller the till continues with. A wrong PIN is counted; the
     * fifth in a row locks the PIN for 15 minutes (the password still logs in).
     */
    public Caller unlock(String username, String pin) {
        return checkPin(username, pin, null);
    }

    /**
     * A manager's or owner's approval of {@code action}, asked for by {@code requester} at a till:
     * the approver's PIN is checked (and a wrong one counted) as in {@link #unlock}; a cashier's is
     * refused before it is checked. The service that does the action takes the {@link Approval}
     * and writes it to the audit log.
     */
    public Approval approve(Caller requester, Approvable action, String approver, String pin) {
        Caller.present(requester);
        if (action == null) {
            throw new InvalidInputException("action", "say what is to be approved");
        }
        tx.run(em -> requireActive(em, requester));
        Caller approving = checkPin(approver, pin, action);
        return new Approval(action, requester, approving, clock.instant());
    }

    /**
     * Writes an approval to the audit log on its own ({@link AuditAction#APPROVAL}), once the action
     * it approved is done by a service that does not write it itself (a refund).
     */
    public void recordApproval(Approval approval, String detail, String till) {
        Objects.requireNonNull(approval, "approval");
        tx.run(em -> {
            requireActive(em, approval.approver());
            approval.record(em, detail, till, clock.instant());
        });
    }

    /** What a PIN check reads of an account, without a lock (as a log-in does). */
    private record PinAccount(long id, String username, Role role, String pinHash, boolean active, boolean locked,
                              boolean noFailuresRecorded, Instant lockedUntil) {
    }

    /**
     * Checks a PIN as {@link #login} checks a password: read without a lock, hashed outside any
     * transaction, a failure counted (or a count reset) under the row's lock in a short transaction.
     * With {@code approving}, the person must be a manager or an owner (checked before the PIN).
     */
    private Caller checkPin(String username, String pin, Approvable approving) {
        if (pin == null || pin.isEmpty()) {
            throw new InvalidInputException("pin", "type the PIN (" + MIN_PIN + " to " + MAX_PIN + " digits)");
        }
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username", "choose who you are first");
        }
        String name = requireUsername(username.strip());
        String key = Staff.key(name);
        for (int read = 1; ; read++) {
            PinAccount account = tx.call(em -> em.createQuery("select s from Staff s where s.usernameKey = :key", Staff.class)
                    .setParameter("key", key)
                    .getResultStream()
                    .findFirst()
                    .map(s -> new PinAccount(s.getId(), s.getUsername(), s.getRole(), s.getPinHash(), s.isActive(),
                            s.pinLockedAt(clock.instant()), s.noPinFailuresRecorded(), s.getPinLockedUntil()))
                    .orElse(null));
            if (account == null || account.pinHash() == null) {
                throw new NotPermittedException("not permitted: " + name + " has no PIN: log in with the password, or ask a manager to set one");
            }
            if (!account.active()) {
                throw new NotPermittedException("not permitted: the account '" + account.username() + "' has been deactivated");
            }
            if (approving != null && !account.role().atLeast(Role.MANAGER)) {
                throw new NotPermittedException("not permitted: " + account.username() + " is a " + account.role().label()
                        + " and cannot approve " + approving.what() + " (needs a manager or an owner)");
            }
            if (account.locked()) {
                throw pinLocked(account.username(), account.lockedUntil());
            }
            boolean matches = pin.length() <= MAX_PIN && hasher.matches(pin, account.pinHash());   // outside any transaction
            if (matches && account.noFailuresRecorded()) {
                return new Caller(account.id(), account.username(), account.role());
            }
            boolean again = read < LOGIN_READS;
            // the outcome is returned, not thrown: a refusal thrown inside would roll the count back
            PinOutcome outcome = tx.call(em -> {
                Staff staff = Transactor.lock(LockOrder.STAFF, () -> em.find(Staff.class, account.id(), LockModeType.PESSIMISTIC_WRITE));
                Instant now = clock.instant();
                if (staff.pinLockedAt(now)) {
                    return PinOutcome.refused(pinLocked(staff.getUsername(), staff.getPinLockedUntil()));
                }
                if (!Objects.equals(staff.getPinHash(), account.pinHash())) {
                    // a new PIN since the read: check it again, at most LOGIN_READS times
                    return again ? null : PinOutcome.refused(NotPermittedException.wrongPin(staff.getUsername(), Staff.MAX_FAILED_PINS,
                            Staff.PIN_LOCKOUT.toMinutes()));
                }
                if (!matches) {
                    staff.pinFailed(now);
                    return PinOutcome.refused(staff.pinLockedAt(now) ? pinLocked(staff.getUsername(), staff.getPinLockedUntil())
                            : NotPermittedException.wrongPin(staff.getUsername(), Staff.MAX_FAILED_PINS - staff.pinFailures(),
                                    Staff.PIN_LOCKOUT.toMinutes()));
                }
                if (!staff.isActive()) {
                    return PinOutcome.refused(new NotPermittedException("not permitted: the account '" + staff.getUsername()
                            + "' has been deactivated"));
                }
                staff.pinSucceeded();
                return new PinOutcome(new Caller(staff.getId(), staff.getUsername(), staff.getRole()), null);
            });
            if (outcome != null) {
                if (outcome.refusal() != null) {
                    throw outcome.refusal();
                }
                return outcome.caller();
            }
        }
    }

    /** A PIN checked under the lock: the caller, or the refusal to throw once the count is committed. */
    private record PinOutcome(Caller caller, NotPermittedException refusal) {
        static PinOutcome refused(NotPermittedException refusal) {
            return new PinOutcome(null, refusal);
        }
    }

    private NotPermittedException pinLocked(String username, Instant until) {
        return NotPermittedException.pinLocked(username, UNTIL.format(until.atZone(clock.getZone())));
    }

    /** Refuses {@code username} when it is the caller's own account: that takes another way ({@code how}). */
    private static void refuseOwn(Caller caller, String username, String how) {
        if (username != null && Staff.key(username.strip()).equals(Staff.key(caller.username()))) {
            throw new NotPermittedException("not permitted: this is your own account: " + how);
        }
    }

    /**
     * A PIN as it may be set: 4 to 6 digits, not one digit repeated (1111) nor a run up or down
     * (1234, 4321, 012345): the first a thief at a till would try.
     */
    static String requirePin(String pin) {
        String digits = pin == null ? "" : pin.strip();
        if (digits.isEmpty()) {
            throw new InvalidInputException("pin", "no PIN given: type " + MIN_PIN + " to " + MAX_PIN + " digits");
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("pin", "a PIN has digits only (0 to 9), " + MIN_PIN + " to " + MAX_PIN + " of them");
        }
        if (digits.length() < MIN_PIN || digits.length() > MAX_PIN) {
            throw new InvalidInputException("pin", "a PIN has " + MIN_PIN + " to " + MAX_PIN + " digits, not " + digits.length());
        }
        if (obvious(digits)) {
            throw new InvalidInputException("pin", "that PIN is too easy to guess (one digit repeated, or a run such as 1234 or 4321):"
                    + " choose another");
        }
        return digits;
    }

    /** One digit repeated, or each digit one more (or one less) than the one before. */
    private static boolean obvious(String digits) {
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < digits.length(); i++) {
            int step = digits.charAt(i) - digits.charAt(i - 1);
            same &= step == 0;
            up &= step == 1;
            down &= step == -1;
        }
        return same || up || down;
    }

    public List<StaffView> list(Caller caller) {
        Caller.require(caller, Role.MANAGER, "list staff");
        return tx.call(em -> {
            requireActive(em, caller);
            return em.createQuery("select s from Staff s order by s.usernameKey", Staff.class)
                .getResultStream().map(Staff::view).toList();
        });
    }

    public StaffView deactivate(Caller caller, String username) {
        return changeAccount(caller, username, "deactivate staff", AuditAction.STAFF_DEACTIVATE, staff -> {
            boolean wasActive = staff.isActive();
            staff.deactivate();
            return wasActive ? new String[] {"active", "inactive"} : null;
        });
    }

    public StaffView resetPassword(Caller caller, String username, String newPassword) {
        Caller.require(caller, Role.MANAGER, "reset passwords");
        requirePassword(newPassword);
        String hash = hasher.hash(newPassword);
        // the entry says that the password was reset, never what to
        return changeAccount(caller, username, "reset passwords", AuditAction.PASSWORD_RESET, staff -> {
            staff.changePasswordHash(hash);
            return new String[] {null, null};
        });
    }

    /**
     * Locks the account, checks the caller may manage it, applies {@code change} and writes the audit
     * entry: {@code change} returns the old and new values to record, or null when nothing changed.
     */
    private StaffView changeAccount(Caller caller, String username, String action, AuditAction audited,
                                    java.util.function.Function<Staff, String[]> change) {
        Caller.require(caller, Role.MANAGER, action);
        String key = Staff.key(requireUsername(username));
        return tx.call(em -> {
            requireActive(em, caller);
            Staff staff = Transactor.lock(LockOrder.STAFF, () -> em.createQuery(
                            "select s from Staff s where s.usernameKey = :key", Staff.class)
                    .setParameter("key", key)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultStream().findFirst())
                    .orElseThrow(() -> new NotFoundException("staff", username, "no member of staff called '" + username + "'"));
            requireMayAdd(caller, staff.getRole());
            String[] values = change.apply(staff);
            if (values != null) {
                AuditLog.record(em, caller.staffId(), audited, staff.getUsername(), values[0], values[1], null, clock.instant());
            }
            return staff.view();
        });
    }

    private static void requireMayAdd(Caller caller, Role role) {
        caller.require(Role.MANAGER, "manage staff");
        if (role != Role.CASHIER && caller.role() != Role.OWNER) {
            throw new NotPermittedException("not permitted: only an owner can manage a " + role.label() + " account");
        }
    }

    /**
     * Locks the store's single row ({@link LockOrder#STORE}, taken alone): store-wide steps run one
     * at a time (creating the first account, changing a store setting).
     */
    public static void lockStore(EntityManager em) {
        Transactor.lock(LockOrder.STORE, () -> em.find(Store.class, Store.ID, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * A caller whose account was deactivated (or never existed) since log-in can do nothing more.
     * Every service calls this inside its transaction, before taking any lock.
     */
    public static void requireActive(EntityManager em, Caller caller) {
        requireActive(Transactor.session(em), caller);
    }

    /** As above, for a stateful or a stateless session. */
    public static void requireActive(SharedSessionContract session, Caller caller) {
        // a scalar read: no entity to track, so nothing for the flush to check
        List<Boolean> active = session.createSelectionQuery("select s.active from Staff s where s.id = :id", Boolean.class)
                .setParameter("id", caller.staffId()).getResultList();
        if (active.isEmpty() || !active.get(0)) {
            throw new NotPermittedException("not permitted: the account '" + caller.username() + "' is no longer active");
        }
    }

    static String requireUsername(String username) {
        return Texts.requireCode("username", username, USERNAME,
                "2 to 32 characters long (letters, digits, dots, dashes, underscores; the first a letter or digit)");
    }

    static void requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password", "password must have at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > MAX_PASSWORD) {
            throw new InvalidInputException("password", "password must have at most " + MAX_PASSWORD + " characters");
        }
    }
}
