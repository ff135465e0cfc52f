package org.sweetshop.common;

/** The caller's role does not allow this, or the caller could not be authenticated. */
public final class NotPermittedException extends Refusal {

    /** What would make the request permitted, for a consumer to word its own way (the CLI names its flags). */
    public enum Remedy {
        /** Nothing the caller can add: ask someone with a higher role. */
        NONE,
        /** The request needs a member of staff to make it (an owner or a manager). */
        A_CALLER,
        /** The request needs the owner's role. */
        THE_OWNER_ROLE
    }

    private final String code;
    private final Remedy remedy;

    public NotPermittedException(String message) {
        this("NOT_PERMITTED", message, Remedy.NONE);
    }

    public NotPermittedException(String message, Remedy remedy) {
        this("NOT_PERMITTED", message, remedy);
    }

    private NotPermittedException(String code, String message, Remedy remedy) {
        super(message);
        this.code = code;
        this.remedy = remedy;
    }

    public Remedy remedy() {
        return remedy;
    }

    /** Wrong username or password; deliberately says nothing about which. */
    public static NotPermittedException badCredentials() {
        return new NotPermittedException("BAD_CREDENTIALS", "wrong username or password", Remedy.NONE);
    }

    public static NotPermittedException locked(long minutes) {
        return new NotPermittedException("ACCOUNT_LOCKED",
                "account locked after repeated failed log-ins: try again in " + minutes + " min or ask a manager", Remedy.NONE);
    }

    /**
     * A wrong PIN at a till (counted): for whom, and how many tries are left before it locks.
     *
     * @param lockMinutes how long the PIN then stays locked
     */
    public static NotPermittedException wrongPin(String username, int triesLeft, long lockMinutes) {
        return new NotPermittedException("WRONG_PIN", "wrong PIN for " + username + ": " + triesLeft + (triesLeft == 1 ? " try" : " tries")
                + " left before the PIN locks for " + lockMinutes + " minutes", Remedy.NONE);
    }

    /** A PIN locked after repeated wrong ones; {@code until} is the time it unlocks, as the till's clock shows it ("14:35"). */
    public static NotPermittedException pinLocked(String username, String until) {
        return new NotPermittedException("PIN_LOCKED", "the PIN of " + username + " is locked until " + until
                + " after repeated wrong PINs: wait until then, or log in with the password", Remedy.NONE);
    }

    /** Offline, an account stays locked on that till until it logs in while the store database is reachable. */
    public static NotPermittedException lockedOffline(int failures) {
        return new NotPermittedException("ACCOUNT_LOCKED",
                "account locked on this till after " + failures + " wrong passwords while offline: log in again when the store database is back, or ask a manager",
                Remedy.NONE);
    }

    @Override
    public String code() {
        return code;
    }
}
