package org.sweetshop.promo;

import java.time.LocalDate;
import org.sweetshop.common.Discount;

/**
 * A promo code as the till and the back office see it.
 *
 * @param remaining uses left, or null when unlimited
 */
public record PromoView(String code, Discount discount, Integer maxUses, int uses, Integer remaining,
                        LocalDate validFrom, LocalDate validUntil, boolean active) {
}
