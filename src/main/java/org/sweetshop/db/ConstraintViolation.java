package org.sweetshop.db;

/**
 * The database refused a write because a constraint held: a lost race or bad data that got past
 * the checks. Services translate the constraints they know into refusals.
 */
public final class ConstraintViolation extends RuntimeException {

    private final String constraint;

    public ConstraintViolation(String constraint, Throwable cause) {
        super("constraint violated: " + constraint, cause);
        this.constraint = constraint;
    }

    /** The constraint's name as declared in the migrations, or null when the server named none. */
    public String constraint() {
        return constraint;
    }

    public boolean is(String name) {
        return name.equals(constraint);
    }
}
