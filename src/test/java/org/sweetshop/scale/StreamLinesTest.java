package org.sweetshop.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.common.ScaleRefusedException;
import org.sweetshop.common.ScaleRefusedException.Reason;
import org.sweetshop.scale.StreamLines.Kind;

/** The lines of a continuous-output scale, taken apart without a port. */
class StreamLinesTest {

    @ParameterizedTest
    @CsvSource({"'ST,GS,+0000.250kg', 250, GROSS", "'ST,NT,+0.250kg', 250, NET", "'ST,GS,+00250.0  g', 250, GROSS",
            "'ST,+00321.0  g', 321, NONE", "'st,gs,+1.5KG', 1500, GROSS", "'ST,GS,+0.2505kg', 250, GROSS",
            "'ST,GS,+0.2515kg', 252, GROSS", "'ST , GS , + 0.100 kg', 100, GROSS", "'ST,GS,  250g', 250, GROSS",
            "'\u0002ST,GS,+0.250kg\u0003', 250, GROSS"})
    void stableLinesAreWholeGramsRoundedHalfEven(String text, int grams, Kind kind) {
        StreamLines.Line line = StreamLines.parse(text).orElseThrow();
        assertThat(line.grams()).isEqualTo(grams);
        assertThat(line.kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"'US,GS,+0000.245kg', MOTION", "'US,NT,-0.010kg', MOTION", "'OL,GS,+9999999 E', OVERLOAD", "'OL,+OL', OVERLOAD",
            "'ST,GS,+0000.000kg', ZERO", "'ST,NT,-0.000kg', ZERO", "'ST,GS,-0000.120kg', NEGATIVE", "'ST,GS,+0.550lb', UNITS",
            "'ST,GS,+3.0oz', UNITS", "'QT,+00012 PC', UNITS", "'ST,GS,+1000.001kg', UNREADABLE"})
    void otherReadingLinesAreRefused(String text, Reason reason) {
        StreamLines.Line line = StreamLines.parse(text).orElseThrow();
        assertThat(catchThrowableOfType(ScaleRefusedException.class, line::grams).reason()).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "noise", "ST,G", "T,GS,+0.250kg", "GS,+0.250kg", "ST,GS,+0.250", "ST,GS,+0.2.5kg", "ST,XX,+0.250kg",
            "\u00ff\u00fe", "ST,GS,kg"})
    void whatIsNotAReadingLineIsSkipped(String text) {
        assertThat(StreamLines.parse(text)).isEmpty();
    }
}
