package org.sweetshop.scale;

import static org.sweetshop.config.TillProperties.bool;
import static org.sweetshop.config.TillProperties.number;
import static org.sweetshop.config.TillProperties.text;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.sweetshop.common.Texts;
import org.sweetshop.config.ConfigException;

/**
 * One till's scale: where it is plugged in and how it talks. Read from the till's
 * {@code sweetshop.properties}:
 *
 * <pre>
 * scale.port=/dev/ttyUSB0      the serial device (COM3 on Windows); no port: no scale, weights are typed
 * scale.protocol=toledo        toledo (request/response, Toledo 8217) or stream (ST,GS,+0.250kg lines)
 * scale.baud=9600              default 9600
 * scale.databits=7             7 or 8; default 7 for toledo (7E1), 8 for stream (8N1)
 * scale.parity=even            none, even or odd; default even for toledo, none for stream
 * scale.timeout.ms=2000        how long one answer may take, 100 to 60000; default 2000
 * scale.required=false         true: weighed sweets are sold from the scale only, never a typed weight
 * </pre>
 *
 * One stop bit, no flow control.
 */
public record ScaleSettings(String port, Protocol protocol, int baud, int dataBits, Parity parity, Duration timeout,
        boolean required) {

    public static final int DEFAULT_BAUD = 9600;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(2000);

    /** How the scale talks. */
    public enum Protocol {
        /** Request/response: the till sends {@code W}, the scale answers STX weight CR (Toledo 8217). */
        TOLEDO,
        /** The scale sends a line per reading without being asked ({@code ST,GS,+0.250kg}). */
        STREAM
    }

    public enum Parity {
        NONE, EVEN, ODD
    }

    public ScaleSettings {
        if (port == null || port.isBlank()) {
            throw new ConfigException("scale.port must name the serial device, e.g. /dev/ttyUSB0", null);
        }
        if (protocol == null || parity == null || timeout == null) {
            throw new ConfigException("scale settings are incomplete: protocol, parity and timeout are needed", null);
        }
        if (baud < 50 || baud > 921_600) {
            throw new ConfigException("scale.baud must be between 50 and 921600, not " + baud, null);
        }
        if (dataBits != 7 && dataBits != 8) {
            throw new ConfigException("scale.databits must be 7 or 8, not " + dataBits, null);
        }
        if (timeout.toMillis() < 100 || timeout.toMillis() > 60_000) {
            throw new ConfigException("scale.timeout.ms must be between 100 and 60000, not " + timeout.toMillis(), null);
        }
    }

    /** The protocol's usual line settings: Toledo 8217 7E1, a stream scale 8N1; 9600 baud, 2 s. */
    public static ScaleSettings of(String port, Protocol protocol) {
        boolean toledo = protocol == Protocol.TOLEDO;
        return new ScaleSettings(port, protocol, DEFAULT_BAUD, toledo ? 7 : 8, toledo ? Parity.EVEN : Parity.NONE,
                DEFAULT_TIMEOUT, false);
    }

    public ScaleSettings withTimeout(Duration newTimeout) {
        return new ScaleSettings(port, protocol, baud, dataBits, parity, newTimeout, required);
    }

    /**
     * The till's scale, or empty when {@code scale.port} is not set (weights are typed then, and
     * {@code scale.required=true} without a port is refused: it would leave no way to sell by weight).
     *
     * @throws ConfigException naming the setting that cannot be used
     */
    public static Optional<ScaleSettings> from(Properties properties) {
        String port = text(properties, "scale.port");
        boolean required = bool(properties, "scale.required");
        if (port == null) {
            if (required) {
                throw new ConfigException("scale.required=true needs scale.port (the scale's serial device, e.g. /dev/ttyUSB0)", null);
            }
            for (String key : new String[] {"scale.protocol", "scale.baud", "scale.databits", "scale.parity", "scale.timeout.ms"}) {
                if (text(properties, key) != null) {
                    throw new ConfigException(key + " is set but scale.port is not: name the scale's serial device, e.g. /dev/ttyUSB0", null);
                }
            }
            return Optional.empty();
        }
        Protocol protocol = protocol(properties);
        ScaleSettings defaults = of(port, protocol);
        int baud = (int) number(properties, "scale.baud", defaults.baud(), 50, 921_600);
        int dataBits = (int) number(properties, "scale.databits", defaults.dataBits(), 7, 8);
        Parity parity = parity(properties, defaults.parity());
        long timeoutMs = number(properties, "scale.timeout.ms", defaults.timeout().toMillis(), 100, 60_000);
        return Optional.of(new ScaleSettings(port, protocol, baud, dataBits, parity, Duration.ofMillis(timeoutMs), required));
    }

    private static Protocol protocol(Properties properties) {
        String value = text(properties, "scale.protocol");
        if (value == null) {
            throw new ConfigException("scale.protocol must be set with scale.port: toledo (Toledo 8217, the till asks)"
                    + " or stream (the scale sends ST,GS,... lines)", null);
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "toledo" -> Protocol.TOLEDO;
            case "stream" -> Protocol.STREAM;
            default -> throw new ConfigException("scale.protocol must be toledo or stream, not '" + Texts.shorten(value) + "'", null);
        };
    }

    private static Parity parity(Properties properties, Parity defaultValue) {
        String value = text(properties, "scale.parity");
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none" -> Parity.NONE;
            case "even" -> Parity.EVEN;
            case "odd" -> Parity.ODD;
            default -> throw new ConfigException("scale.parity must be none, even or odd, not '" + Texts.shorten(value) + "'", null);
        };
    }
}
