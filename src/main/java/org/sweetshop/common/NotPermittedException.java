package org.sweetshop.common;

/** The caller's role does not allow this, or the caller could not be authenticated. */
public final class NotPermittedException extends Refusal {

    private final String code;

    public NotPermittedException(String message) {
        this("NOT_PERMITTED", message);
    }

    private NotPermittedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Wrong username or password; deliberately says nothing about which. */
    public static NotPermittedException badCredentials() {
        return new NotPermittedException("BAD_CREDENTIALS", "wrong username or password");
    }

    public static NotPermittedException locked(long minutes) {
        return new NotPermittedException("ACCOUNT_LOCKED",
                "account locked after repeated failed log-ins: try again in " + minutes + " min or ask a manager");
    }

    @Override
    public String code() {
        return code;
    }
}
