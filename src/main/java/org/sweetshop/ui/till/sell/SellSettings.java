package org.sweetshop.ui.till.sell;

import java.util.Objects;

/**
 * How the selling screen weighs and shows weighed sweets: the till's scale (or {@link WeighingScale#NONE})
 * and whether prices of weighed sweets are shown per 100 g (the default) or per kg, a store setting.
 */
public record SellSettings(WeighingScale scale, boolean pricePer100g) {

    /** No scale (weights typed), prices per 100 g. */
    public static final SellSettings DEFAULT = new SellSettings(WeighingScale.NONE, true);

    public SellSettings {
        Objects.requireNonNull(scale);
    }
}
