package org.sweetshop.staff;

import java.time.Instant;

/**
 * One line of the audit log: who ({@code staff}, the username), when, at which till, what, to which
 * sweet or account ({@code subject}: a SKU or a username), and the value before and after.
 */
public record AuditEntry(long id, Instant at, String staff, AuditAction action, String subject, String oldValue,
                         String newValue, String till) {
}
