package org.sweetshop.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweetshop.config.ConfigException;
import org.sweetshop.scale.ScaleSettings.Parity;
import org.sweetshop.scale.ScaleSettings.Protocol;

class ScaleSettingsTest {

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void noPortMeansNoScale() {
        assertThat(ScaleSettings.from(props())).isEmpty();
        assertThat(ScaleSettings.from(props("scale.port", "  ", "scale.required", "false"))).isEmpty();
    }

    @Test
    void aToledoScaleDefaultsTo9600SevenEvenOneAndTwoSeconds() {
        ScaleSettings s = ScaleSettings.from(props("scale.port", "/dev/ttyUSB0", "scale.protocol", "toledo")).orElseThrow();

        assertThat(s).isEqualTo(new ScaleSettings("/dev/ttyUSB0", Protocol.TOLEDO, 9600, 7, Parity.EVEN, Duration.ofSeconds(2), false));
    }

    @Test
    void aStreamScaleDefaultsToEightNoneOne() {
        ScaleSettings s = ScaleSettings.from(props("scale.port", "COM3", "scale.protocol", "Stream")).orElseThrow();

        assertThat(s.dataBits()).isEqualTo(8);
        assertThat(s.parity()).isEqualTo(Parity.NONE);
    }

    @Test
    void everySettingIsRead() {
        ScaleSettings s = ScaleSettings.from(props("scale.port", " /dev/ttyS1 ", "scale.protocol", "toledo", "scale.baud", "19200",
                "scale.databits", "8", "scale.parity", "odd", "scale.timeout.ms", "500", "scale.required", "TRUE")).orElseThrow();

        assertThat(s).isEqualTo(new ScaleSettings("/dev/ttyS1", Protocol.TOLEDO, 19200, 8, Parity.ODD, Duration.ofMillis(500), true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "scale.protocol|| scale.protocol must be set with scale.port",
            "scale.protocol|serial| scale.protocol must be toledo or stream, not 'serial'",
            "scale.baud|fast| scale.baud must be a whole number, not 'fast'",
            "scale.baud|0| scale.baud must be between 50 and 921600, not 0",
            "scale.databits|9| scale.databits must be between 7 and 8, not 9",
            "scale.parity|mark| scale.parity must be none, even or odd, not 'mark'",
            "scale.timeout.ms|10| scale.timeout.ms must be between 100 and 60000, not 10",
            "scale.timeout.ms|-5| scale.timeout.ms must be between 100 and 60000, not -5",
            "scale.required|yes| scale.required must be true or false, not 'yes'"})
    void aBadValueIsRefusedNamingTheSetting(String key, String value, String message) {
        Properties p = props("scale.port", "/dev/ttyUSB0", "scale.protocol", "toledo");
        if (value == null) {
            p.remove(key);
        } else {
            p.setProperty(key, value);
        }

        assertThatThrownBy(() -> ScaleSettings.from(p)).isInstanceOf(ConfigException.class).hasMessageStartingWith(message);
    }

    @Test
    void requiringAScaleWithoutAPortIsRefused() {
        assertThatThrownBy(() -> ScaleSettings.from(props("scale.required", "true"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("scale.required=true needs scale.port");
    }

    @Test
    void aScaleSettingWithoutAPortIsRefused() {
        assertThatThrownBy(() -> ScaleSettings.from(props("scale.baud", "9600"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("scale.baud is set but scale.port is not");
    }

    @Test
    void aHugeValueIsShortenedInTheMessage() {
        Properties p = props("scale.port", "/dev/ttyUSB0", "scale.protocol", "x".repeat(10_000));

        assertThatThrownBy(() -> ScaleSettings.from(p)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
