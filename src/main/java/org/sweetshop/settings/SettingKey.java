package org.sweetshop.settings;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;

/**
 * The store's settings and what each may be, written once: {@link #check} turns a value typed in
 * (on the command line or in the back office) into the one kept, or refuses it naming the key, the
 * value and what is allowed. The keys are stored ({@code store_setting_key_ck}, V14).
 */
public enum SettingKey {
    STORE_NAME("store.name", null, "1 to 60 characters on one line"),
    STORE_ADDRESS("store.address", "", "up to 200 characters, on several lines if need be"),
    TAX_NUMBER("tax.number", "", "up to 40 characters on one line"),
    RECEIPT_HEADER("receipt.header", "", "up to 200 characters, on several lines if need be"),
    RECEIPT_FOOTER("receipt.footer", "", "up to 200 characters, on several lines if need be"),
    CURRENCY("currency", null, "an ISO 4217 currency code such as GBP, EUR or USD"),
    PRICES_INCLUDE_TAX("prices.include.tax", "true", "true or false"),
    CASH_ROUNDING("cash.rounding", "0", "0, 0.05 or 0.10"),
    WEIGHT_DISPLAY("weight.display", null, "100g or kg");

    private static final Pattern ISO_CODE = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final List<String> ROUNDINGS = List.of("0", "0.05", "0.10");

    private final String key;
    private final String builtIn;
    private final String allowed;

    SettingKey(String key, String builtIn, String allowed) {
        this.key = key;
        this.builtIn = builtIn;
        this.allowed = allowed;
    }

    /** {@code store.name}: how the command line, the database and the audit log name it. */
    public String key() {
        return key;
    }

    /** What the value may be, for a person ("0, 0.05 or 0.10"). */
    public String allowed() {
        return allowed;
    }

    /** True for a text that may have several lines (the address, the receipt's header and footer). */
    public boolean multiline() {
        return this == STORE_ADDRESS || this == RECEIPT_HEADER || this == RECEIPT_FOOTER;
    }

    /**
     * The value while the key is unset: the built-in one, or for the store's name, currency and
     * weight display the till's own {@code sweetshop.properties} ({@code defaults}), as before
     * the settings were kept in the database.
     */
    String defaultValue(SettingDefaults defaults) {
        return switch (this) {
            case STORE_NAME -> defaults.storeName();
            case CURRENCY -> defaults.currency();
            case WEIGHT_DISPLAY -> defaults.pricePer100g() ? "100g" : "kg";
            default -> builtIn;
        };
    }

    /** The values to choose from ({@code 0, 0.05, 0.10}), or none for a text or a currency code. */
    public List<String> choices() {
        return switch (this) {
            case PRICES_INCLUDE_TAX -> List.of("true", "false");
            case CASH_ROUNDING -> ROUNDINGS;
            case WEIGHT_DISPLAY -> List.of("100g", "kg");
            default -> List.of();
        };
    }

    /** The setting called {@code key}, or a refusal listing them all. */
    public static SettingKey of(String key) {
        String wanted = key == null ? "" : key.strip();
        return Arrays.stream(values()).filter(k -> k.key.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("key", "there is no store setting called '" + Texts.shorten(wanted)
                        + "': the settings are " + String.join(", ", Arrays.stream(values()).map(SettingKey::key).toList())));
    }

    /**
     * The value as it is kept: texts trimmed (a multi-line one with {@code \n} line ends), the
     * currency in capitals, true/false, the rounding as 0, 0.05 or 0.10, the weight display as
     * 100g or kg. A value that is none of what the key allows is refused and nothing is changed.
     */
    public String check(String value) {
        String given = value == null ? "" : value;
        String kept = switch (this) {
            case STORE_NAME -> text(given, 1, 60);
            case TAX_NUMBER -> text(given, 0, 40);
            case STORE_ADDRESS, RECEIPT_HEADER, RECEIPT_FOOTER -> text(given, 0, 200);
            case CURRENCY -> currency(given.strip());
            case PRICES_INCLUDE_TAX -> given.strip().equalsIgnoreCase("true") ? "true"
                    : given.strip().equalsIgnoreCase("false") ? "false" : null;
            case CASH_ROUNDING -> rounding(given.strip());
            case WEIGHT_DISPLAY -> given.strip().equalsIgnoreCase("100g") ? "100g"
                    : given.strip().equalsIgnoreCase("kg") ? "kg" : null;
        };
        if (kept == null) {
            throw new InvalidInputException(key, key + " cannot be '" + Texts.shorten(given) + "': it must be " + allowed);
        }
        return kept;
    }

    private String text(String given, int min, int max) {
        String text = multiline() ? given.replace("\r\n", "\n").replace('\r', '\n').strip() : given.strip();
        String rest = multiline() ? text.replace("\n", "") : text;
        if (text.length() < min || text.length() > max || CONTROL.matcher(rest).find()) {
            return null;
        }
        return text;
    }

    private static String currency(String code) {
        if (!ISO_CODE.matcher(code).matches()) {
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            // XXX, XAU and their kind are codes but no money a shop takes
            return currency.getDefaultFractionDigits() < 0 ? null : currency.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String rounding(String text) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
        return ROUNDINGS.stream().filter(r -> new BigDecimal(r).compareTo(amount) == 0).findFirst().orElse(null);
    }
}
