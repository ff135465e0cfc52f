package org.sweetshop.shift;

import java.math.BigDecimal;
import java.time.Instant;

/** An open shift at a till: who opened it, when, and with what float in the drawer. */
public record ShiftView(long id, String till, String openedBy, Instant openedAt, BigDecimal openingFloat) {
}
