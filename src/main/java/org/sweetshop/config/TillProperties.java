package org.sweetshop.config;

import java.util.Properties;
import org.sweetshop.common.Texts;

/**
 * Reading one value of a till's {@code sweetshop.properties} ({@link ConfigLoader#tillProperties})
 * for the features that read their own settings (the scale, the receipt printer): a blank value is
 * not set, and a bad one is a {@link ConfigException} naming its key.
 */
public final class TillProperties {

    private TillProperties() {
    }

    /** The value, stripped; null when not set or blank. */
    public static String text(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code true} or {@code false}; false when not set. */
    public static boolean bool(Properties properties, String key) {
        String value = text(properties, key);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new ConfigException(key + " must be true or false, not '" + Texts.shorten(value) + "'", null);
    }

    /** A whole number from {@code min} to {@code max}; {@code defaultValue} when not set. */
    public static long number(Properties properties, String key, long defaultValue, long min, long max) {
        String value = text(properties, key);
        if (value == null) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, not '" + Texts.shorten(value) + "'", e);
        }
        if (parsed < min || parsed > max) {
            throw new ConfigException(key + " must be between " + min + " and " + max + ", not " + parsed, null);
        }
        return parsed;
    }
}
