package org.sweetshop.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.DynamicUpdate;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** A member of staff: cashier, manager or owner. */
@Entity
// only the changed columns: a till may update some columns only (V9)
@DynamicUpdate
@Table(name = "staff")
class Staff {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(5);
    /** Wrong PINs in a row that lock the PIN (the password still works). */
    static final int MAX_FAILED_PINS = 5;
    /**
     * Longer than the password's: a PIN has at most a million values (a 4-digit one ten thousand),
     * so five tries a quarter of an hour is what keeps guessing at a till hopeless.
     */
    static final Duration PIN_LOCKOUT = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_seq")
    @SequenceGenerator(name = "staff_seq", sequenceName = "staff_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 32)
    private String username;

    @Column(name = "username_key", nullable = false, length = 32)
    private String usernameKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The PIN's Argon2id hash; null when this person has no PIN (V18). */
    @Column(name = "pin_hash")
    private String pinHash;

    @Column(name = "pin_failures", nullable = false)
    private int pinFailures;

    @Column(name = "pin_locked_until")
    private Instant pinLockedUntil;

    protected Staff() {
    }

    Staff(String username, Role role, String passwordHash, Instant now) {
        this.username = username;
        this.usernameKey = key(username);
        this.role = role;
        this.passwordHash = passwordHash;
        this.createdAt = now;
    }

    /** The case-insensitive form usernames are unique by. */
    static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed log-in; the fifth in a row locks the account for a while. */
    void loginFailed(Instant now) {
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS) {
            lockedUntil = now.plus(LOCKOUT);
            failedLogins = 0;
        }
    }

    /** No failed log-in counted and no lockout: a successful log-in has nothing to reset. */
    boolean noFailuresRecorded() {
        return failedLogins == 0 && lockedUntil == null;
    }

    void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }

    void changePasswordHash(String hash) {
        this.passwordHash = hash;
        loginSucceeded();
    }

    boolean hasPin() {
        return pinHash != null;
    }

    String getPinHash() {
        return pinHash;
    }

    boolean pinLockedAt(Instant now) {
        return pinLockedUntil != null && pinLockedUntil.isAfter(now);
    }

    Instant getPinLockedUntil() {
        return pinLockedUntil;
    }

    /** Wrong PINs counted since the last right one (or the last lock-out). */
    int pinFailures() {
        return pinFailures;
    }

    /** Counts a wrong PIN; the fifth in a row locks the PIN for a while. */
    void pinFailed(Instant now) {
        pinFailures++;
        if (pinFailures >= MAX_FAILED_PINS) {
            pinLockedUntil = now.plus(PIN_LOCKOUT);
            pinFailures = 0;
        }
    }

    /** No wrong PIN counted and no lock-out: a right PIN has nothing to reset. */
    boolean noPinFailuresRecorded() {
        return pinFailures == 0 && pinLockedUntil == null;
    }

    void pinSucceeded() {
        pinFailures = 0;
        pinLockedUntil = null;
    }

    /** A new PIN (its hash), or none (null); either way the count and any lock-out start afresh. */
    void changePinHash(String hash) {
        this.pinHash = hash;
        pinSucceeded();
    }

    void deactivate() {
        this.active = false;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public Role getRole() {
        return role;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }

    StaffView view() {
        return new StaffView(id, username, role, active, createdAt);
    }
}
