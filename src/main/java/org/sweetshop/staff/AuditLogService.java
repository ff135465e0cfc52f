package org.sweetshop.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.sweetshop.common.Texts;
import org.sweetshop.db.Transactor;

/**
 * Reading the audit log: managers and owners only, newest first. Entries are written by the services
 * that make the changes ({@link AuditLog}); nothing here writes.
 */
public final class AuditLogService {

    private final Transactor tx;

    public AuditLogService(Transactor tx) {
        this.tx = tx;
    }

    public List<AuditEntry> list(Caller caller, AuditLogFilter filter) {
        Caller.require(caller, Role.MANAGER, "read the audit log");
        AuditLogFilter f = filter == null ? AuditLogFilter.latest(100) : filter;
        int limit = Texts.requireRange("limit", f.limit(), 1, AuditLogFilter.MAX_LIMIT);
        String subject = f.subject() == null ? null : Texts.requireText("subject", f.subject(), 120);
        String staff = f.staff() == null ? null : Staff.key(StaffService.requireUsername(f.staff()));
        StringBuilder sql = new StringBuilder("select a.id, a.at, s.username, a.action, a.subject, a.old_value, a.new_value, a.till"
                + " from audit_log a join staff s on s.id = a.staff_id where true");
        if (f.action() != null) {
            sql.append(" and a.action = :action");
        }
        if (subject != null) {
            sql.append(" and a.subject = :subject");
        }
        if (staff != null) {
            sql.append(" and s.username_key = :staff");
        }
        sql.append(" order by a.id desc");
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            var query = Transactor.session(em).createNativeQuery(sql.toString(), Object[].class);
            if (f.action() != null) {
                query.setParameter("action", f.action().name());
            }
            if (subject != null) {
                query.setParameter("subject", subject);
            }
            if (staff != null) {
                query.setParameter("staff", staff);
            }
            return query.setMaxResults(limit).getResultList().stream()
                    .map(row -> new AuditEntry(((Number) row[0]).longValue(), instant(row[1]), (String) row[2],
                            AuditAction.valueOf((String) row[3]), (String) row[4], (String) row[5], (String) row[6],
                            (String) row[7]))
                    .toList();
        });
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
