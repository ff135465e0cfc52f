package org.sweetshop.printer;

import static org.sweetshop.config.TillProperties.number;
import static org.sweetshop.config.TillProperties.text;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;
import org.sweetshop.config.ConfigException;

/**
 * One till's receipt printer (and the cash drawer plugged into it), read from the till's
 * {@code sweetshop.properties}:
 *
 * <pre>
 * printer.uri=tcp://192.168.1.50:9100   where it is ({@link PrinterUri}); not set: no receipt printer
 * printer.paper=80                      58 or 80 (mm): 32 or 48 columns; default 80
 * printer.connect.timeout.ms=3000       how long the printer may take to accept, 100 to 60000; default 3000
 * printer.write.timeout.ms=10000        how long it may take to take the whole receipt, 100 to 120000; default 10000
 * </pre>
 */
public record PrinterSettings(PrinterUri uri, PaperWidth paper, Duration connectTimeout, Duration writeTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(3000);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofMillis(10_000);

    public PrinterSettings {
        if (uri == null || paper == null || connectTimeout == null || writeTimeout == null) {
            throw new IllegalArgumentException("printer settings are incomplete");
        }
    }

    /** A printer on 80 mm paper with the default timeouts. */
    public static PrinterSettings of(PrinterUri uri) {
        return new PrinterSettings(uri, PaperWidth.MM80, DEFAULT_CONNECT_TIMEOUT, DEFAULT_WRITE_TIMEOUT);
    }

    public PrinterSettings withPaper(PaperWidth width) {
        return new PrinterSettings(uri, width, connectTimeout, writeTimeout);
    }

    public PrinterSettings withTimeouts(Duration connect, Duration write) {
        return new PrinterSettings(uri, paper, connect, write);
    }

    /**
     * The till's printer: {@code given} (a {@code --printer URI}) when not null, else {@code printer.uri};
     * empty when neither names one. Paper and timeouts come from the properties either way.
     *
     * @throws InvalidInputException when {@code given} is not a printer
     * @throws ConfigException       naming the setting that cannot be used
     */
    public static Optional<PrinterSettings> from(Properties properties, String given) {
        PrinterUri uri;
        if (given != null) {
            uri = PrinterUri.parse(given);
        } else {
            String value = text(properties, "printer.uri");
            if (value == null) {
                return Optional.empty();
            }
            try {
                uri = PrinterUri.parse(value);
            } catch (InvalidInputException e) {
                throw new ConfigException("printer.uri: " + e.getMessage(), e);
            }
        }
        PaperWidth paper;
        String width = text(properties, "printer.paper");
        try {
            paper = width == null ? PaperWidth.MM80 : PaperWidth.parse(width);
        } catch (InvalidInputException e) {
            throw new ConfigException("printer.paper must be 58 or 80, not '" + Texts.shorten(width) + "'", e);
        }
        Duration connect = Duration.ofMillis(number(properties, "printer.connect.timeout.ms", DEFAULT_CONNECT_TIMEOUT.toMillis(), 100, 60_000));
        Duration write = Duration.ofMillis(number(properties, "printer.write.timeout.ms", DEFAULT_WRITE_TIMEOUT.toMillis(), 100, 120_000));
        return Optional.of(new PrinterSettings(uri, paper, connect, write));
    }
}
