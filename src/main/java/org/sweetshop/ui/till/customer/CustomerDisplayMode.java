package org.sweetshop.ui.till.customer;

import java.util.Locale;
import java.util.Properties;
import org.sweetshop.common.Texts;
import org.sweetshop.config.ConfigException;
import org.sweetshop.config.TillProperties;

/**
 * Where the customer window opens, the till's {@code customer.display} setting: {@code auto} (the
 * default: full screen on the second monitor when there is one, else none), {@code screen2} (full
 * screen on the second monitor; a window where there is none), {@code window} (a window on the
 * till's screen, which can be dragged to another) or {@code off}.
 */
public enum CustomerDisplayMode {
    AUTO, SCREEN2, WINDOW, OFF;

    public static CustomerDisplayMode from(Properties tillProperties) {
        String value = TillProperties.text(tillProperties, "customer.display");
        if (value == null) {
            return AUTO;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "screen2" -> SCREEN2;
            case "window" -> WINDOW;
            case "off" -> OFF;
            default -> throw new ConfigException("customer.display must be auto, screen2, window or off, not '" + Texts.shorten(value) + "'",
                    null);
        };
    }
}
