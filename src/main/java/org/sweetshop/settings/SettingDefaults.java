package org.sweetshop.settings;

/**
 * What a setting is while the store has not set it, where that came from the till's own
 * {@code sweetshop.properties} before the settings were kept in the database: {@code store.name}
 * (default Sweetshop), {@code currency} (GBP) and {@code weight.price.per} (100g or kg). So a store
 * that never sets them works as it did.
 */
public record SettingDefaults(String storeName, String currency, boolean pricePer100g) {

    /** The built-in ones: Sweetshop, GBP, per 100 g. */
    public static final SettingDefaults BUILT_IN = new SettingDefaults("Sweetshop", "GBP", true);
}
