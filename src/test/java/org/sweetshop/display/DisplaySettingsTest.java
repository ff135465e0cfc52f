package org.sweetshop.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.sweetshop.config.ConfigException;

/** The pole display's settings in the till's sweetshop.properties. */
class DisplaySettingsTest {

    private static Properties of(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void noPortIsNoDisplay() {
        assertThat(DisplaySettings.from(of())).isEmpty();
    }

    @Test
    void aPortAloneIsACd5220At9600() {
        assertThat(DisplaySettings.from(of("display.port", "/dev/ttyUSB1")))
                .contains(new DisplaySettings("/dev/ttyUSB1", PoleCommands.CD5220, 9600, Duration.ofMillis(1000)));
    }

    @Test
    void everySettingIsRead() {
        assertThat(DisplaySettings.from(of("display.port", "COM4", "display.commands", "ESCPOS", "display.baud", "19200",
                "display.timeout.ms", "2500")))
                .contains(new DisplaySettings("COM4", PoleCommands.ESC_POS, 19200, Duration.ofMillis(2500)));
    }

    @Test
    void badValuesAreRefusedNamingTheirKey() {
        assertThatThrownBy(() -> DisplaySettings.from(of("display.port", "/dev/ttyUSB1", "display.commands", "aedex")))
                .isInstanceOf(ConfigException.class).hasMessage("display.commands must be cd5220 or escpos, not 'aedex'");
        assertThatThrownBy(() -> DisplaySettings.from(of("display.port", "/dev/ttyUSB1", "display.baud", "fast")))
                .isInstanceOf(ConfigException.class).hasMessage("display.baud must be a whole number, not 'fast'");
        assertThatThrownBy(() -> DisplaySettings.from(of("display.baud", "9600")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("display.baud is set but display.port is not: name the pole display's serial device, e.g. /dev/ttyUSB1");
    }
}
