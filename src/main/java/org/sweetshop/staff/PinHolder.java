package org.sweetshop.staff;

/** A member of staff who has a PIN, as the till's lock screen and approval dialog list them (the name only, never the PIN). */
public record PinHolder(String username, Role role) {
}
