package org.sweetshop.settings;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * The store's settings, each key once in {@link SettingKey} order, with typed accessors for what
 * reads them (the till's receipt and weight display).
 */
public record StoreSettings(List<Setting> settings) {

    public StoreSettings {
        settings = List.copyOf(settings);
        if (settings.size() != SettingKey.values().length) {
            throw new IllegalArgumentException("every setting once, in SettingKey order");
        }
    }

    public Setting get(SettingKey key) {
        return settings.get(key.ordinal());
    }

    public String value(SettingKey key) {
        return get(key).value();
    }

    public String storeName() {
        return value(SettingKey.STORE_NAME);
    }

    public String address() {
        return value(SettingKey.STORE_ADDRESS);
    }

    public String taxNumber() {
        return value(SettingKey.TAX_NUMBER);
    }

    public String receiptHeader() {
        return value(SettingKey.RECEIPT_HEADER);
    }

    public String receiptFooter() {
        return value(SettingKey.RECEIPT_FOOTER);
    }

    /** The ISO code as kept ({@code GBP}); an unset one is the till's {@code currency} property. */
    public String currencyCode() {
        return value(SettingKey.CURRENCY);
    }

    public Currency currency() {
        return Currency.getInstance(currencyCode());
    }

    /** True (the default): prices include tax, as in the UK and the EU; false: tax is added at the total. */
    public boolean pricesIncludeTax() {
        return Boolean.parseBoolean(value(SettingKey.PRICES_INCLUDE_TAX));
    }

    /** 0 (none, the default), 0.05 or 0.10: what a cash payment is rounded to. */
    public BigDecimal cashRounding() {
        return new BigDecimal(value(SettingKey.CASH_ROUNDING));
    }

    /** True: a weighed sweet's price is shown per 100 g; false: per kg. */
    public boolean pricePer100g() {
        return value(SettingKey.WEIGHT_DISPLAY).equals("100g");
    }
}
