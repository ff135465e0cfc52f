package org.sweetshop.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweetshop.common.ScaleRefusedException;
import org.sweetshop.common.ScaleRefusedException.Reason;

/** The Toledo 8217 answers, taken apart without a port. */
class ToledoFramesTest {

    @ParameterizedTest
    @CsvSource({"00.250, 250", "00.250N, 250", "12.345, 12345", "0.250KG, 250", "0.250kg, 250", "00250G, 250",
            "250.5G, 250", "251.5G, 252", "0.2505KG, 250", "0.2515KG, 252", "' 01.000 ', 1000"})
    void weightsAreWholeGramsRoundedHalfEven(String body, int grams) {
        assertThat(ToledoFrames.weight(body)).isEqualTo(grams);
    }

    @ParameterizedTest
    @CsvSource({"?A, MOTION", "?a, MOTION", "?B, OVERLOAD", "?C, OVERLOAD", "?D, NEGATIVE", "?E, NEGATIVE", "?H, NOT_ZEROED",
            "?P, ZERO", "?@, UNREADABLE", "00.000, ZERO", "00.000N, ZERO", "-00.120, NEGATIVE", "00.55, UNITS", "000.55, UNITS",
            "1.00LB, UNITS", "3OZ, UNITS", "0.2500, UNREADABLE", "12, UNREADABLE", "abc, UNREADABLE", "'', UNREADABLE",
            "?, UNREADABLE", "?AB, UNREADABLE", "00.250NKGN, UNREADABLE", "9999.999KG, UNREADABLE"})
    void whatIsNotAStablePositiveWeightIsRefused(String body, Reason reason) {
        assertThat(catchThrowableOfType(ScaleRefusedException.class, () -> ToledoFrames.weight(body)).reason()).isEqualTo(reason);
    }

    @Test
    void theParityBitOfAStatusByteIsIgnored() {
        String withParity = "?" + (char) ('A' | 0x80); // 'A' has two bits set: even parity leaves bit 7 clear, odd sets it
        assertThat(ToledoFrames.status(withParity)).isEqualTo('A');
        assertThat(ToledoFrames.refusalOf(ToledoFrames.status(withParity)).reason()).isEqualTo(Reason.MOTION);
    }

    @Test
    void aTareIsTakenWhenTheStatusSaysNet() {
        ToledoFrames.tareTaken("?`"); // 0x60: net, stable
        ToledoFrames.tareTaken("?p"); // 0x70: net, centre of zero (the jar's weight now reads zero)
    }

    @ParameterizedTest
    @CsvSource({"?A, TARE_NOT_TAKEN", "?P, TARE_NOT_TAKEN", "?@, TARE_NOT_TAKEN", "?a, TARE_NOT_TAKEN", "?b, OVERLOAD",
            "?D, NEGATIVE", "00.250, UNREADABLE"})
    void aTareIsNotTakenOtherwise(String body, Reason reason) {
        assertThat(catchThrowableOfType(ScaleRefusedException.class, () -> ToledoFrames.tareTaken(body)).reason()).isEqualTo(reason);
    }
}
