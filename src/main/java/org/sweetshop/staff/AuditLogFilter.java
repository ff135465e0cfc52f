package org.sweetshop.staff;

/**
 * Which audit log entries to list: any of the fields may be null (no filter). {@code subject} is a
 * SKU or a username, matched exactly; {@code staff} is who acted, ignoring case.
 */
public record AuditLogFilter(AuditAction action, String subject, String staff, int limit) {

    public static final int MAX_LIMIT = 10_000;

    /** The latest {@code limit} entries, whatever they are. */
    public static AuditLogFilter latest(int limit) {
        return new AuditLogFilter(null, null, null, limit);
    }
}
