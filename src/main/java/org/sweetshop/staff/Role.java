package org.sweetshop.staff;

import java.util.Locale;
import org.sweetshop.common.InvalidInputException;

/** What a member of staff may do; each role includes the ones before it. */
public enum Role {
    CASHIER, MANAGER, OWNER;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        if (text != null) {
            for (Role role : values()) {
                if (role.name().equalsIgnoreCase(text.strip())) {
                    return role;
                }
            }
        }
        throw new InvalidInputException("role", "role must be cashier, manager or owner");
    }
}
