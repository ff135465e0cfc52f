package org.sweetshop.promo;

import java.time.LocalDate;
import org.sweetshop.common.Discount;

/** A promo code to create; null maxUses means unlimited, null dates mean open-ended. */
public record NewPromo(String code, Discount discount, Integer maxUses, LocalDate validFrom, LocalDate validUntil) {
}
