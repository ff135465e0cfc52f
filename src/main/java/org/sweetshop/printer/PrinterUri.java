package org.sweetshop.printer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;

/**
 * Where a receipt printer is, as the till's settings and {@code --printer} write it:
 *
 * <pre>
 * tcp://HOST[:PORT]       a network printer's raw port (9100 unless given): tcp://192.168.1.50:9100
 * file:PATH               a device file the printer is: file:/dev/usb/lp0 (it must exist)
 * serial:PORT[?baud=N]    a serial printer, 8N1 (9600 baud unless given): serial:/dev/ttyUSB0?baud=19200, serial:COM3
 * os:PRINTER NAME         a printer the operating system knows, sent a raw job: os:EPSON TM-T20III
 * </pre>
 *
 * @param kind   which of the four forms
 * @param target the host, the path, the serial port or the OS printer's name
 * @param port   the TCP port (0 for the other kinds)
 * @param baud   the serial speed (0 for the other kinds)
 */
public record PrinterUri(Kind kind, String target, int port, int baud) {

    public static final int DEFAULT_PORT = 9100;
    public static final int DEFAULT_BAUD = 9600;

    /** What {@link #parse} takes, for messages. */
    public static final String FORMS = "tcp://HOST:PORT (port 9100 unless given), file:PATH, serial:PORT?baud=N or os:PRINTER NAME";

    private static final int MAX_LENGTH = 300;

    public enum Kind {
        TCP, FILE, SERIAL, OS
    }

    /** Reads a printer's address; anything but the four forms is refused with a message listing them. */
    public static PrinterUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw refused("no printer given");
        }
        String value = text.strip();
        if (value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw refused("'" + Texts.shorten(value) + "' is not a printer");
        }
        int colon = value.indexOf(':');
        String scheme = colon < 0 ? "" : value.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : value.substring(colon + 1);
        return switch (scheme) {
            case "tcp" -> tcp(value);
            case "file" -> file(value, rest.startsWith("//") ? rest.substring(2) : rest);
            case "serial" -> serial(value, rest);
            case "os" -> os(value, rest.strip());
            default -> throw refused("'" + Texts.shorten(value) + "' is not a printer");
        };
    }

    private static PrinterUri tcp(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw refused("'" + Texts.shorten(value) + "' is not a network printer's address");
        }
        String host = uri.getHost();
        boolean bare = (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")) && uri.getQuery() == null
                && uri.getFragment() == null && uri.getUserInfo() == null;
        if (host == null || !bare) {
            throw refused("'" + Texts.shorten(value) + "' is not a network printer's address");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65_535) {
            throw refused("the printer's port must be 1 to 65535, not " + port);
        }
        return new PrinterUri(Kind.TCP, host, port, 0);
    }

    private static PrinterUri file(String value, String path) {
        if (path.isBlank()) {
            throw refused("'" + Texts.shorten(value) + "' names no file");
        }
        return new PrinterUri(Kind.FILE, path.strip(), 0, 0);
    }

    private static PrinterUri serial(String value, String rest) {
        int query = rest.indexOf('?');
        String port = (query < 0 ? rest : rest.substring(0, query)).strip();
        int baud = DEFAULT_BAUD;
        if (query >= 0) {
            String option = rest.substring(query + 1).strip();
            if (!option.matches("baud=\\d{3,7}")) {
                throw refused("'" + Texts.shorten(value) + "': a serial printer takes ?baud=N only, e.g. serial:/dev/ttyUSB0?baud=19200");
            }
            baud = Integer.parseInt(option.substring("baud=".length()));
            if (baud < 300 || baud > 921_600) {
                throw refused("the printer's baud must be 300 to 921600, not " + baud);
            }
        }
        if (port.isEmpty()) {
            throw refused("'" + Texts.shorten(value) + "' names no serial port");
        }
        return new PrinterUri(Kind.SERIAL, port, 0, baud);
    }

    private static PrinterUri os(String value, String name) {
        if (name.isEmpty()) {
            throw refused("'" + Texts.shorten(value) + "' names no printer");
        }
        return new PrinterUri(Kind.OS, name, 0, 0);
    }

    private static InvalidInputException refused(String what) {
        return new InvalidInputException("printer", what + ": a printer is " + FORMS);
    }

    /** Where the printer is, for a sentence: {@code at 127.0.0.1:9100}, {@code on serial port COM3}. */
    public String where() {
        return switch (kind) {
            case TCP -> "at " + (target.contains(":") ? "[" + target + "]" : target) + ":" + port;
            case FILE -> "at " + target;
            case SERIAL -> "on serial port " + target;
            case OS -> "\"" + target + "\"";
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TCP -> "tcp://" + (target.contains(":") ? "[" + target + "]" : target) + ":" + port;
            case FILE -> "file:" + target;
            case SERIAL -> "serial:" + target + "?baud=" + baud;
            case OS -> "os:" + target;
        };
    }
}
