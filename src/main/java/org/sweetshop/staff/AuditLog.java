package org.sweetshop.staff;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.hibernate.SharedSessionContract;
import org.sweetshop.db.Transactor;

/**
 * Writes audit log entries. Every service that changes something worth auditing (a price, a SKU,
 * an account) calls {@link #record} inside the transaction of the change, so the entry commits
 * or rolls back with it. A password never goes in.
 */
public final class AuditLog {

    private static final String INSERT = "insert into audit_log (at, staff_id, action, subject, old_value, new_value, till)"
            + " values (:at, :staff, :action, :subject, :old, :new, :till)";

    private AuditLog() {
    }

    public static void record(EntityManager em, long staffId, AuditAction action, String subject, String oldValue,
                              String newValue, String till, Instant at) {
        record(Transactor.session(em), staffId, action, subject, oldValue, newValue, till, at);
    }

    public static void record(SharedSessionContract session, long staffId, AuditAction action, String subject,
                              String oldValue, String newValue, String till, Instant at) {
        session.createNativeMutationQuery(INSERT)
                .setParameter("at", at, Instant.class)
                .setParameter("staff", staffId, Long.class)
                .setParameter("action", action.name(), String.class)
                .setParameter("subject", cut(subject, 120), String.class)
                .setParameter("old", cut(oldValue, 200), String.class)
                .setParameter("new", cut(newValue, 200), String.class)
                .setParameter("till", till, String.class)
                .executeUpdate();
    }

    /** Values are checked before they get here; this only keeps a long name from failing the change. */
    private static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 3) + "...";
    }
}
