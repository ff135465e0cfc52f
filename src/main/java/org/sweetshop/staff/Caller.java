package org.sweetshop.staff;

import org.sweetshop.common.NotPermittedException;

/**
 * Who is asking: made by {@link StaffService#login} and passed to every service method, which
 * checks the role before it touches anything.
 */
public record Caller(long staffId, String username, Role role) {

    /** Refuses a missing caller: nobody logged in. Returns the caller for chaining. */
    static Caller present(Caller caller) {
        if (caller == null) {
            throw new NotPermittedException("not permitted: log in first");
        }
        return caller;
    }

    /** As {@link #require(Role, String)}, and refuses a missing caller. */
    public static Caller require(Caller caller, Role needed, String action) {
        present(caller).require(needed, action);
        return caller;
    }

    /** Refuses unless the caller has at least {@code needed}; {@code action} completes "a cashier cannot ...". */
    public void require(Role needed, String action) {
        if (!role.atLeast(needed)) {
            throw new NotPermittedException("not permitted: " + a(role) + " cannot " + action + " (needs " + a(needed) + ")");
        }
    }

    /** "a manager", "an owner". */
    private static String a(Role role) {
        return (role == Role.OWNER ? "an " : "a ") + role.label();
    }
}
