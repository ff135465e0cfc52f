package org.sweetshop.staff;

import java.time.Instant;

/** A member of staff as the screens and the command line see them (never the password hash). */
public record StaffView(long id, String username, Role role, boolean active, Instant createdAt) {
}
