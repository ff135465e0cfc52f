package org.sweetshop.display;

import static org.sweetshop.config.TillProperties.number;
import static org.sweetshop.config.TillProperties.text;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.sweetshop.common.Texts;
import org.sweetshop.config.ConfigException;

/**
 * One till's pole display: where it is plugged in and which commands it takes. Read from the till's
 * {@code sweetshop.properties}:
 *
 * <pre>
 * display.port=/dev/ttyUSB1     the serial device (COM4 on Windows); no port: no pole display
 * display.commands=cd5220       cd5220 (the default) or escpos (Epson DM-D and displays in ESC/POS mode)
 * display.baud=9600             default 9600
 * display.timeout.ms=1000       how long writing both lines may take, 100 to 10000; default 1000
 * </pre>
 *
 * 8 data bits, no parity, one stop bit, no flow control.
 */
public record DisplaySettings(String port, PoleCommands commands, int baud, Duration timeout) {

    public static final int DEFAULT_BAUD = 9600;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1000);

    public DisplaySettings {
        if (port == null || port.isBlank()) {
            throw new ConfigException("display.port must name the serial device, e.g. /dev/ttyUSB1", null);
        }
        if (commands == null || timeout == null) {
            throw new ConfigException("display settings are incomplete: commands and timeout are needed", null);
        }
        if (baud < 300 || baud > 921_600) {
            throw new ConfigException("display.baud must be between 300 and 921600, not " + baud, null);
        }
        if (timeout.toMillis() < 100 || timeout.toMillis() > 10_000) {
            throw new ConfigException("display.timeout.ms must be between 100 and 10000, not " + timeout.toMillis(), null);
        }
    }

    /** A CD5220 display at 9600 baud, 1 s to write. */
    public static DisplaySettings of(String port) {
        return new DisplaySettings(port, PoleCommands.CD5220, DEFAULT_BAUD, DEFAULT_TIMEOUT);
    }

    public DisplaySettings withCommands(PoleCommands newCommands) {
        return new DisplaySettings(port, newCommands, baud, timeout);
    }

    /**
     * The till's pole display, or empty when {@code display.port} is not set.
     *
     * @throws ConfigException naming the setting that cannot be used
     */
    public static Optional<DisplaySettings> from(Properties properties) {
        String port = text(properties, "display.port");
        if (port == null) {
            for (String key : new String[] {"display.commands", "display.baud", "display.timeout.ms"}) {
                if (text(properties, key) != null) {
                    throw new ConfigException(key + " is set but display.port is not: name the pole display's serial device, e.g. /dev/ttyUSB1", null);
                }
            }
            return Optional.empty();
        }
        int baud = (int) number(properties, "display.baud", DEFAULT_BAUD, 300, 921_600);
        long timeoutMs = number(properties, "display.timeout.ms", DEFAULT_TIMEOUT.toMillis(), 100, 10_000);
        return Optional.of(new DisplaySettings(port, commands(properties), baud, Duration.ofMillis(timeoutMs)));
    }

    private static PoleCommands commands(Properties properties) {
        String value = text(properties, "display.commands");
        if (value == null) {
            return PoleCommands.CD5220;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "cd5220" -> PoleCommands.CD5220;
            case "escpos", "esc/pos" -> PoleCommands.ESC_POS;
            default -> throw new ConfigException("display.commands must be cd5220 or escpos, not '" + Texts.shorten(value) + "'", null);
        };
    }
}
