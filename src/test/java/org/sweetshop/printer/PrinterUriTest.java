package org.sweetshop.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.config.ConfigException;
import org.sweetshop.printer.PrinterUri.Kind;

class PrinterUriTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tcp://192.168.1.50:9100       | TCP    | 192.168.1.50      | 9100 | 0     | tcp://192.168.1.50:9100      | at 192.168.1.50:9100",
            "tcp://printer.local           | TCP    | printer.local     | 9100 | 0     | tcp://printer.local:9100     | at printer.local:9100",
            "TCP://127.0.0.1:9101/         | TCP    | 127.0.0.1         | 9101 | 0     | tcp://127.0.0.1:9101         | at 127.0.0.1:9101",
            "file:/dev/usb/lp0             | FILE   | /dev/usb/lp0      | 0    | 0     | file:/dev/usb/lp0            | at /dev/usb/lp0",
            "file:///dev/usb/lp0           | FILE   | /dev/usb/lp0      | 0    | 0     | file:/dev/usb/lp0            | at /dev/usb/lp0",
            "serial:/dev/ttyUSB0?baud=19200| SERIAL | /dev/ttyUSB0      | 0    | 19200 | serial:/dev/ttyUSB0?baud=19200 | on serial port /dev/ttyUSB0",
            "serial:COM3                   | SERIAL | COM3              | 0    | 9600  | serial:COM3?baud=9600        | on serial port COM3",
            "os:EPSON TM-T20III Receipt    | OS     | EPSON TM-T20III Receipt | 0 | 0  | os:EPSON TM-T20III Receipt   | \"EPSON TM-T20III Receipt\""})
    void theFourFormsAreRead(String text, Kind kind, String target, int port, int baud, String canonical, String where) {
        PrinterUri uri = PrinterUri.parse(text);

        assertThat(uri).isEqualTo(new PrinterUri(kind, target, port, baud));
        assertThat(uri.toString()).isEqualTo(canonical);
        assertThat(PrinterUri.parse(uri.toString())).isEqualTo(uri);
        assertThat(uri.where()).isEqualTo(where);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "lp0", "/dev/usb/lp0", "http://printer:9100", "tcp://", "tcp://host:0", "tcp://host:70000",
            "tcp://host:9100/path", "tcp://host:9100?x=1", "tcp://user@host", "file:", "serial:", "serial:COM3?speed=9600",
            "serial:COM3?baud=12", "serial:COM3?baud=99999999", "os:", "os:   ", "tcp://host\u0000:9100"})
    void anythingElseIsRefusedWithTheFormsListed(String text) {
        assertThatThrownBy(() -> PrinterUri.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith(": a printer is tcp://HOST:PORT (port 9100 unless given), file:PATH, serial:PORT?baud=N"
                        + " or os:PRINTER NAME");
    }

    @Test
    void noPrinterUriSetAndNoneGivenIsNoPrinter() {
        assertThat(PrinterSettings.from(new Properties(), null)).isEmpty();
    }

    @Test
    void theSettingsGivePaperAndTimeoutsAndAGivenUriWinsOverTheSetOne() {
        Properties properties = new Properties();
        properties.setProperty("printer.uri", "tcp://10.0.0.9");
        properties.setProperty("printer.paper", "58");
        properties.setProperty("printer.connect.timeout.ms", "1500");
        properties.setProperty("printer.write.timeout.ms", "4000");

        PrinterSettings set = PrinterSettings.from(properties, null).orElseThrow();
        PrinterSettings given = PrinterSettings.from(properties, "file:/dev/usb/lp0").orElseThrow();

        assertThat(set).isEqualTo(new PrinterSettings(PrinterUri.parse("tcp://10.0.0.9:9100"), PaperWidth.MM58, Duration.ofMillis(1500),
                Duration.ofMillis(4000)));
        assertThat(given.uri()).isEqualTo(PrinterUri.parse("file:/dev/usb/lp0"));
        assertThat(given.paper()).isEqualTo(PaperWidth.MM58);
        assertThat(PrinterSettings.from(new Properties(), "tcp://h").orElseThrow().paper()).isEqualTo(PaperWidth.MM80);
        assertThat(PaperWidth.MM58.columns()).isEqualTo(32);
        assertThat(PaperWidth.MM80.columns()).isEqualTo(48);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "printer.uri                | lp0   | printer.uri: 'lp0' is not a printer: a printer is",
            "printer.paper              | 76    | printer.paper must be 58 or 80, not '76'",
            "printer.connect.timeout.ms | 10    | printer.connect.timeout.ms must be between 100 and 60000, not 10",
            "printer.write.timeout.ms   | soon  | printer.write.timeout.ms must be a whole number, not 'soon'"})
    void aBadSettingIsRefusedByItsKey(String key, String value, String message) {
        Properties properties = new Properties();
        properties.setProperty("printer.uri", "tcp://10.0.0.9");
        properties.setProperty(key, value);

        assertThatThrownBy(() -> PrinterSettings.from(properties, null)).isInstanceOf(ConfigException.class).hasMessageStartingWith(message);
    }
}
