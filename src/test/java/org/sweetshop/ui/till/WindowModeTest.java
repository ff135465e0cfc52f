package org.sweetshop.ui.till;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweetshop.config.ConfigException;

/** The till's window.mode setting, and where each mode puts the window on the screens tills have. */
class WindowModeTest {

    private static Properties mode(String value) {
        Properties p = new Properties();
        if (value != null) {
            p.setProperty("window.mode", value);
        }
        return p;
    }

    @Test
    void maximisedUnlessTheSettingSaysOtherwise() {
        assertThat(WindowMode.from(mode(null))).isEqualTo(WindowMode.MAXIMISED);
        assertThat(WindowMode.from(mode(" Maximized "))).isEqualTo(WindowMode.MAXIMISED);
        assertThat(WindowMode.from(mode("fullscreen"))).isEqualTo(WindowMode.FULL_SCREEN);
        assertThat(WindowMode.from(mode("KIOSK"))).isEqualTo(WindowMode.KIOSK);
        assertThat(WindowMode.from(mode("window"))).isEqualTo(WindowMode.WINDOW);
    }

    @Test
    void anUnknownModeIsRefusedNamingTheSettingAndItsValues() {
        assertThatThrownBy(() -> WindowMode.from(mode("huge"))).isInstanceOf(ConfigException.class)
                .hasMessage("window.mode must be maximised, fullscreen, kiosk or window, not 'huge'");
    }

    /** A 1366x768 screen with a 32 px panel at the top: the case that put the window above the screen's top edge. */
    @ParameterizedTest
    @CsvSource({
            // screen's usable area (x, y, w, h)   -> a WINDOW's bounds
            "0, 32, 1366, 736,     43, 32, 1280, 736",
            "0, 0, 1024, 768,      0, 0, 1024, 768",
            "0, 0, 1920, 1080,     320, 140, 1280, 800",
            "0, 0, 1080, 1920,     0, 560, 1080, 800",
            "1920, 0, 1280, 800,   1920, 0, 1280, 800",
    })
    void aWindowFitsInsideTheScreenAndTheOtherModesTakeAllOfIt(double x, double y, double w, double h,
                                                                double wx, double wy, double ww, double wh) {
        Rectangle2D visual = new Rectangle2D(x, y, w, h);

        assertThat(WindowMode.WINDOW.bounds(visual)).isEqualTo(new Rectangle2D(wx, wy, ww, wh));
        for (WindowMode full : new WindowMode[] {WindowMode.MAXIMISED, WindowMode.FULL_SCREEN, WindowMode.KIOSK}) {
            assertThat(full.bounds(visual)).isEqualTo(visual);
        }
    }
}
