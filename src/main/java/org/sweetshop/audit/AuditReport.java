package org.sweetshop.audit;

import java.util.List;

/** Every invariant of DESIGN.md, checked on one consistent snapshot of the database. */
public record AuditReport(List<AuditCheck> checks) {

    public boolean ok() {
        return checks.stream().allMatch(AuditCheck::ok);
    }
}
