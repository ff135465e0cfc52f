package org.sweetshop.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyBurstDetectorTest {

    private static final long MS = 1_000_000L;
    private static final String TOKEN = "SWC-0123456789ABCDEFGHJKMNPQRSTVWX";

    private final KeyBurstDetector detector = new KeyBurstDetector();
    private long now = 1_000 * MS;

    /** Types {@code text} with {@code gapMs} before every character; returns which characters started a run. */
    private List<Boolean> type(String text, long gapMs) {
        List<Boolean> starts = new ArrayList<>();
        for (char c : text.toCharArray()) {
            now += gapMs * MS;
            starts.add(detector.onKey(c, now));
        }
        return starts;
    }

    private Optional<String> enter(long gapMs) {
        now += gapMs * MS;
        return detector.onEnter(now);
    }

    @Test
    void aFastBurstEndedByEnterIsAScan() {
        type(TOKEN, 3);
        assertThat(enter(3)).contains(TOKEN);
    }

    @Test
    void aScanFiveSecondsAfterTheLastKeyIsStillAScan() {
        now += 5_000 * MS;
        List<Boolean> starts = type("4006381333931", 8);
        assertThat(starts.get(0)).isTrue();
        assertThat(starts.subList(1, starts.size())).containsOnly(false);
        assertThat(enter(8)).contains("4006381333931");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4006381333931", "036000291452", "96385074", "01234565"})
    void aBurstOfDigitsOnlyIsAScanLikeAnyOther(String barcode) {
        // EAN-13, UPC-A, EAN-8 and UPC-E as a gun types them: nothing but digits, then Enter
        type(barcode, 8);
        assertThat(enter(8)).contains(barcode);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4006381333931", "96385074"})
    void theSameDigitsTypedByAPersonAreTyping(String barcode) {
        // a cashier keying a barcode in by hand: its Enter reaches the field, not the scan handler
        type(barcode, 120);
        assertThat(enter(150)).isEmpty();
    }

    @Test
    void slowTypingEndedByEnterIsTyping() {
        type("choc", 120);
        assertThat(enter(120)).isEmpty();
    }

    @Test
    void slowTypingStartsARunAtEveryKey() {
        assertThat(type("choc", 120)).containsExactly(true, true, true, true);
    }

    @Test
    void typingSlowlyThenScanningGivesOnlyTheFastPart() {
        assertThat(type("ch", 150)).containsExactly(true, true);
        now += 400 * MS;
        // the scan's first character comes after the pause: it starts the run that becomes the burst
        assertThat(detector.onKey('S', now)).isTrue();
        assertThat(type(TOKEN.substring(1), 4)).containsOnly(false);
        assertThat(enter(4)).contains(TOKEN);
    }

    @Test
    void aScanThenSlowTypingAndEnterIsTyping() {
        type(TOKEN, 3);
        type("x", 200);
        assertThat(enter(10)).isEmpty();
    }

    @Test
    void aFastTwoKeyRollIsNotAScan() {
        type("c", 200);
        type("h", 15);
        assertThat(enter(15)).isEmpty();
    }

    @Test
    void aBurstShorterThanTheMinimumIsTyping() {
        type("ABC", 2);
        assertThat(enter(2)).isEmpty();
    }

    @Test
    void aBurstOfExactlyTheMinimumIsAScan() {
        type("ABCD", 2);
        assertThat(enter(2)).contains("ABCD");
    }

    @Test
    void aBurstWithoutEnterStaysTypingAndTheNextSlowKeyStartsAfresh() {
        type(TOKEN, 3);
        now += 2_000 * MS;
        assertThat(detector.onKey('x', now)).isTrue();
        assertThat(detector.runLength()).isEqualTo(1);
        assertThat(enter(5)).isEmpty();
    }

    @Test
    void aSlowEnterAfterAFastSequenceIsTyping() {
        type(TOKEN, 3);
        assertThat(enter(51)).isEmpty();
    }

    @Test
    void aGapOfExactlyTheThresholdKeepsTheRunAndOneNanosecondMoreBreaksIt() {
        type("A", 100);
        for (char c : "BCD".toCharArray()) {
            now += 50 * MS;
            assertThat(detector.onKey(c, now)).isFalse();
        }
        now += 50 * MS;
        assertThat(detector.onEnter(now)).contains("ABCD");

        type("A", 100);
        type("BC", 50);
        now += 50 * MS + 1;
        assertThat(detector.onKey('D', now)).isTrue();
        type("EF", 50);
        // the run is now "DEF": three characters, one short
        assertThat(enter(50)).isEmpty();
    }

    @Test
    void anEnterOneNanosecondPastTheThresholdIsTyping() {
        type("ABCD", 5);
        now += 50 * MS + 1;
        assertThat(detector.onEnter(now)).isEmpty();
    }

    @Test
    void theRunIsOverAfterAScanSoASecondEnterFindsNothing() {
        type(TOKEN, 3);
        assertThat(enter(3)).contains(TOKEN);
        assertThat(detector.runLength()).isZero();
        assertThat(enter(3)).isEmpty();
        type("WXYZ", 3);
        assertThat(enter(3)).contains("WXYZ");
    }

    @Test
    void theRunIsOverAfterTypingEndedByEnter() {
        type("AB", 3);
        assertThat(enter(3)).isEmpty();
        // the two characters before that Enter do not join the next scan
        type("CD", 3);
        assertThat(enter(3)).isEmpty();
    }

    @Test
    void resetForgetsTheRun() {
        type("ABCDEF", 3);
        detector.reset();
        type("GH", 3);
        assertThat(enter(3)).isEmpty();
    }

    @Test
    void timeTheUserInterfaceSpentOnAKeyIsNotAGap() {
        // a search that filters for 120 ms on every keystroke: the scanner's keys queue up and come
        // back to back, each right after the previous one was handled
        for (char c : TOKEN.toCharArray()) {
            now += 1 * MS;
            detector.onKey(c, now);
            now += 120 * MS;
            detector.keyHandled(now);
        }
        assertThat(enter(1)).contains(TOKEN);
    }

    @Test
    void handlingTimeDoesNotMakeSlowTypingFast() {
        for (char c : "choc".toCharArray()) {
            now += 150 * MS;
            detector.onKey(c, now);
            detector.keyHandled(now + 2 * MS);
        }
        assertThat(enter(150)).isEmpty();
    }

    @Test
    void aRunLongerThanTheLimitIsNotAScan() {
        type("A".repeat(KeyBurstDetector.MAX_CHARS + 1), 1);
        assertThat(enter(1)).isEmpty();
        type("A".repeat(KeyBurstDetector.MAX_CHARS), 1);
        assertThat(enter(1)).contains("A".repeat(KeyBurstDetector.MAX_CHARS));
    }

    @Test
    void thresholdsAreSettable() {
        KeyBurstDetector strict = new KeyBurstDetector(6, Duration.ofMillis(20));
        long t = 0;
        for (char c : "ABCDEF".toCharArray()) {
            t += 25 * MS;
            strict.onKey(c, t);
        }
        assertThat(strict.onEnter(t + 5 * MS)).isEmpty();
        for (char c : "ABCDEF".toCharArray()) {
            t += 20 * MS;
            strict.onKey(c, t);
        }
        assertThat(strict.onEnter(t + 20 * MS)).contains("ABCDEF");
        assertThat(strict.minChars()).isEqualTo(6);
        assertThat(strict.maxGap()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void nonsenseThresholdsAreRefused() {
        assertThatThrownBy(() -> new KeyBurstDetector(1, Duration.ofMillis(50))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyBurstDetector(4, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyBurstDetector(4, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
