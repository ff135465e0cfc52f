package org.sweetshop.ui.till.sell;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How the selling screen weighs and shows weighed sweets: the till's scale (or {@link WeighingScale#NONE})
 * and whether prices of weighed sweets are shown per 100 g (the default) or per kg, a store setting;
 * the store's cash rounding (0 for none), for what is shown due in cash; and whether its prices
 * include tax (the default) or have it added at the total ({@link TaxPreview}).
 */
public record SellSettings(WeighingScale scale, boolean pricePer100g, BigDecimal cashRounding, boolean pricesIncludeTax) {

    /** No scale (weights typed), prices per 100 g, no cash rounding. */
    public static final SellSettings DEFAULT = new SellSettings(WeighingScale.NONE, true);

    public SellSettings {
        Objects.requireNonNull(scale);
        Objects.requireNonNull(cashRounding);
    }

    /** No cash rounding, prices including tax. */
    public SellSettings(WeighingScale scale, boolean pricePer100g) {
        this(scale, pricePer100g, BigDecimal.ZERO, true);
    }
}
