package org.sweetshop.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.common.DeviceUnavailableException;
import org.sweetshop.testing.PtyPair;

/** A pole display simulated on a pseudo-terminal, written through jSerialComm as a real one. */
class PoleDisplayTest {

    @TempDir
    Path dir;

    private PtyPair pty;
    private PoleDisplaySimulator sim;
    private PoleDisplay display;

    private void plugIn(PoleCommands commands) throws Exception {
        pty = PtyPair.start(dir);
        sim = new PoleDisplaySimulator(pty.simEnd());
        if (display == null) {
            display = new PoleDisplay(DisplaySettings.of(pty.tillPort()).withCommands(commands));
        }
    }

    @AfterEach
    void unplug() throws Exception {
        if (display != null) {
            display.close();
        }
        if (pty != null) {
            pty.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aCd5220ShowsBothLinesAfterItIsInitialised() throws Exception {
        plugIn(PoleCommands.CD5220);

        display.show(PoleText.spread("Fudge Bar", "1.70"), PoleText.spread("TOTAL", "12.34"));

        sim.awaitLines("Fudge Bar       1.70", "TOTAL          12.34");
        assertThat(sim.initialised()).isEqualTo(1);
    }

    @Test
    void anEscPosDisplayShowsBothLinesToo() throws Exception {
        plugIn(PoleCommands.ESC_POS);

        display.show(PoleText.centred("Welcome to"), PoleText.centred("Sweetshop"));
        sim.awaitLines("     Welcome to", "     Sweetshop");
        display.show(PoleText.spread("PAID", "20.00"), PoleText.spread("CHANGE", "7.66"));

        sim.awaitLines("PAID           20.00", "CHANGE          7.66");
        assertThat(sim.initialised()).isEqualTo(1);
    }

    @Test
    void aShorterLineReplacesALongerOneWhole() throws Exception {
        plugIn(PoleCommands.CD5220);
        display.show(PoleText.spread("Strawberry laces", "0.99"), PoleText.spread("TOTAL", "0.99"));
        sim.awaitLines("Strawberry      0.99", "TOTAL           0.99");

        display.show("Hi", "");

        sim.awaitLines("Hi", "");
    }

    @Test
    void aPulledCableIsSaidAndThePortIsOpenedAgainWhenItIsBack() throws Exception {
        plugIn(PoleCommands.CD5220);
        display.show(PoleText.centred("Welcome to"), PoleText.centred("Sweetshop"));
        sim.awaitLines("     Welcome to", "     Sweetshop");

        pty.unplug();
        DeviceUnavailableException e = catchThrowableOfType(DeviceUnavailableException.class,
                () -> display.show(PoleText.spread("Fudge Bar", "0.85"), PoleText.spread("TOTAL", "0.85")));
        assertThat(e.device()).isEqualTo("customer display");
        assertThat(e.getMessage()).startsWith("The customer display on serial port " + pty.tillPort());

        sim.close();
        plugIn(PoleCommands.CD5220);   // the same device path, a new pty behind it
        display.show(PoleText.spread("Fudge Bar", "1.70"), PoleText.spread("TOTAL", "1.70"));

        sim.awaitLines("Fudge Bar       1.70", "TOTAL           1.70");
        assertThat(sim.initialised()).isEqualTo(1);   // initialised again, on the new cable
    }

    @Test
    void aPortThatIsNotThereIsUnavailable() {
        display = new PoleDisplay(DisplaySettings.of(dir.resolve("ttyUSB9").toString()));

        DeviceUnavailableException e = catchThrowableOfType(DeviceUnavailableException.class, () -> display.show("a", "b"));

        assertThat(e).hasMessage("The customer display on serial port " + dir.resolve("ttyUSB9")
                + " is not there (no such serial port): check it is plugged in and the till's display.port setting");
    }
}
