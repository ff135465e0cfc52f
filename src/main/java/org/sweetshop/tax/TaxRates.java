package org.sweetshop.tax;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hibernate.SharedSessionContract;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;
import org.sweetshop.settings.SettingKey;

/**
 * The store's tax rates and whether its prices include tax, as checkout, the catalogue and refunds
 * read them inside their own transactions: one query for both, before any lock is taken (a rate
 * never changes once made, so reading it early is reading it right).
 *
 * @param rates            by code, in code order
 * @param pricesIncludeTax the store's {@code prices.include.tax} (true while unset)
 */
public record TaxRates(Map<String, TaxRateView> rates, boolean pricesIncludeTax) {

    /** A code: 1 to 8 capital letters or digits ({@code STD}, {@code RED}, {@code ZERO}); typed in any case. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,8}");

    private static final String READ = "select code, name, rate, is_default,"
            + " (select value from store_setting where key = '" + SettingKey.PRICES_INCLUDE_TAX.key() + "')"
            + " from tax_rate order by code";

    public TaxRates {
        rates = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(rates));
    }

    /** Reads the rates and the store's mode in the caller's transaction (a checkout's stateless session or an entity manager's). */
    public static TaxRates read(SharedSessionContract session) {
        List<Object[]> rows = session.createNativeQuery(READ, Object[].class).getResultList();
        Map<String, TaxRateView> rates = new LinkedHashMap<>();
        boolean inclusive = true;
        for (Object[] row : rows) {
            rates.put((String) row[0], new TaxRateView((String) row[0], (String) row[1], (BigDecimal) row[2], (Boolean) row[3]));
            // a store that never set prices.include.tax: prices include tax (the setting's default)
            inclusive = row[4] == null || Boolean.parseBoolean((String) row[4]);
        }
        return new TaxRates(rates, inclusive);
    }

    /** The rate with this code. */
    public TaxRateView rate(String code) {
        TaxRateView rate = rates.get(code);
        if (rate == null) {
            throw unknown(code);
        }
        return rate;
    }

    public boolean has(String code) {
        return rates.containsKey(code);
    }

    /** The rate a new sweet gets. */
    public TaxRateView defaultRate() {
        return rates.values().stream().filter(TaxRateView::isDefault).findFirst()
                .orElseThrow(() -> new IllegalStateException("the store has no default tax rate"));
    }

    /** A typed code as kept (capitals), or a refusal saying what a code looks like. */
    public static String requireCode(String field, String code) {
        return Texts.requireCode(field, code, CODE, "1 to 8 letters or digits, such as STD").toUpperCase(java.util.Locale.ROOT);
    }

    /** The refusal of a code that is no rate: it names the rates there are. */
    public InvalidInputException unknown(String code) {
        return new InvalidInputException("tax", "there is no tax rate '" + Texts.shorten(String.valueOf(code)) + "': the rates are "
                + String.join(", ", rates.values().stream().map(r -> r.code() + " (" + r.name() + ", " + r.percent() + ")").toList())
                + "; add one with `tax add` first");
    }
}
