package org.sweetshop.staff;

import org.sweetshop.common.NotPermittedException;

/**
 * Who is asking: made by {@link StaffService#login} and passed to every service method, which
 * checks the role before it touches anything.
 */
public record Caller(long staffId, String username, Role role) {

    /** Refuses unless the caller has at least {@code needed}; {@code action} completes "a cashier cannot ...". */
    public void require(Role needed, String action) {
        if (!role.atLeast(needed)) {
            throw new NotPermittedException("not permitted: a " + role.label() + " cannot " + action
                    + " (needs a " + needed.label() + ")");
        }
    }
}
