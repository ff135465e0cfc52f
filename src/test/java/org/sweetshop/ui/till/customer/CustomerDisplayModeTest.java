package org.sweetshop.ui.till.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.sweetshop.config.ConfigException;

/** The till's customer.display setting. */
class CustomerDisplayModeTest {

    private static Properties with(String value) {
        Properties properties = new Properties();
        if (value != null) {
            properties.setProperty("customer.display", value);
        }
        return properties;
    }

    @Test
    void unsetIsAuto() {
        assertThat(CustomerDisplayMode.from(with(null))).isEqualTo(CustomerDisplayMode.AUTO);
        assertThat(CustomerDisplayMode.from(with(" "))).isEqualTo(CustomerDisplayMode.AUTO);
    }

    @Test
    void eachValueIsRead() {
        assertThat(CustomerDisplayMode.from(with("Screen2"))).isEqualTo(CustomerDisplayMode.SCREEN2);
        assertThat(CustomerDisplayMode.from(with("window"))).isEqualTo(CustomerDisplayMode.WINDOW);
        assertThat(CustomerDisplayMode.from(with("off"))).isEqualTo(CustomerDisplayMode.OFF);
    }

    @Test
    void anythingElseIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> CustomerDisplayMode.from(with("monitor")))
                .isInstanceOf(ConfigException.class).hasMessage("customer.display must be auto, screen2, window or off, not 'monitor'");
    }
}
