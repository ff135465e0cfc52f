package org.sweetshop.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.common.ScaleRefusedException;
import org.sweetshop.common.ScaleRefusedException.Reason;
import org.sweetshop.scale.ScaleSettings.Protocol;
import org.sweetshop.testing.PtyPair;

/** A continuous-output (ST,GS,...) scale simulated on a pseudo-terminal, read through jSerialComm. */
class StreamScaleTest {

    @TempDir
    Path dir;

    private PtyPair pty;
    private StreamSimulator sim;
    private Scale scale;
    private final CountDownLatch listening = new CountDownLatch(1);

    @BeforeEach
    void plugIn() throws Exception {
        pty = PtyPair.start(dir);
        sim = new StreamSimulator(pty.simEnd());
    }

    @AfterEach
    void unplug() throws Exception {
        if (scale != null) {
            scale.close();
        }
        if (pty != null) {
            pty.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private Scale open(Duration timeout) {
        scale = Scales.open(ScaleSettings.of(pty.tillPort(), Protocol.STREAM).withTimeout(timeout), listening::countDown);
        return scale;
    }

    private Scale open() {
        return open(Duration.ofSeconds(2));
    }

    private ScaleRefusedException refusalOf(Runnable call) {
        return catchThrowableOfType(ScaleRefusedException.class, call::run);
    }

    @Test
    void aStableReadingIsTakenInWholeGrams() {
        sim.sends("ST,GS,+0000.250kg");

        assertThat(open().readGrams()).isEqualTo(250);
    }

    @Test
    void aReadingInGramsIsTaken() {
        sim.sends("ST,GS,+00250.0  g");

        assertThat(open().readGrams()).isEqualTo(250);
    }

    @Test
    void theThreeFieldFormWithoutGrossOrNetIsRead() {
        sim.sends("ST,+00321.0  g"); // A&D's standard format

        assertThat(open().readGrams()).isEqualTo(321);
    }

    @Test
    void motionIsRefused() {
        sim.sends("US,GS,+0000.245kg");

        ScaleRefusedException e = refusalOf(() -> open().readGrams());

        assertThat(e.reason()).isEqualTo(Reason.MOTION);
        assertThat(e.getMessage()).isEqualTo("the scale is still moving: wait until the weight is steady and try again");
    }

    @Test
    void overloadIsRefused() {
        sim.sends("OL,GS,+9999999 E");

        assertThat(refusalOf(() -> open().readGrams()).reason()).isEqualTo(Reason.OVERLOAD);
    }

    @Test
    void zeroIsRefused() {
        sim.sends("ST,GS,+0000.000kg");

        assertThat(refusalOf(() -> open().readGrams()).reason()).isEqualTo(Reason.ZERO);
    }

    @Test
    void negativeIsRefused() {
        sim.sends("ST,GS,-0000.120kg");

        ScaleRefusedException e = refusalOf(() -> open().readGrams());

        assertThat(e.reason()).isEqualTo(Reason.NEGATIVE);
        assertThat(e.getMessage()).isEqualTo("the scale shows less than zero: empty it, zero it and try again");
    }

    @Test
    void aTareThenANetReading() throws Exception {
        // an empty jar on the scale; on T the scale goes net, and the sweets are poured in
        sim.sends("ST,GS,+0000.020kg").on("T", "ST,NT,+0000.250kg");
        Scale s = open();

        s.tare();

        assertThat(sim.nextCommand()).isEqualTo("T");
        assertThat(s.readGrams()).isEqualTo(250);
    }

    @Test
    void aTareTheScaleIgnoresIsNotTaken() throws Exception {
        sim.sends("ST,GS,+0000.020kg"); // takes no command: stays gross

        ScaleRefusedException e = refusalOf(() -> open(Duration.ofSeconds(1)).tare());

        assertThat(e.reason()).isEqualTo(Reason.TARE_NOT_TAKEN);
        assertThat(e.getMessage()).isEqualTo("the scale did not take the tare: it still sends gross weights: press the scale's own tare key");
        assertThat(sim.nextCommand()).isEqualTo("T");
    }

    @Test
    void tareWeightLinesAreNotSold() {
        sim.sends("ST,TR,+0000.020kg", "ST,NT,+0000.230kg");

        assertThat(open().readGrams()).isEqualTo(230);
    }

    @Test
    void unpluggedMidReadingSaysSoLongBeforeTheTimeout() throws Exception {
        Scale s = open(Duration.ofSeconds(20)); // the scale sends nothing
        ExecutorService till = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> reading = till.submit(s::readGrams);
            assertThat(listening.await(5, TimeUnit.SECONDS)).as("the reading waits for a line").isTrue();
            long pulled = System.nanoTime();
            pty.unplug();

            ExecutionException failure = catchThrowableOfType(ExecutionException.class, () -> reading.get(10, TimeUnit.SECONDS));

            assertThat(Duration.ofNanos(System.nanoTime() - pulled)).isLessThan(Duration.ofSeconds(5));
            assertThat(failure.getCause()).isInstanceOf(ScaleRefusedException.class)
                    .hasMessage("the scale stopped answering: check its cable");
            assertThat(refusalOf(s::readGrams).reason()).isEqualTo(Reason.NOT_ANSWERING);
        } finally {
            till.shutdownNow();
        }
    }

    @Test
    void aSilentScaleIsRefusedAtTheTimeout() {
        Scale s = open(Duration.ofMillis(300));
        long start = System.nanoTime();

        ScaleRefusedException e = refusalOf(s::readGrams);

        assertThat(e.reason()).isEqualTo(Reason.NOT_ANSWERING);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300))
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void garbageThenAGoodReading() {
        sim.sends("\u0000\u00ff#noise*&^", "ST,G", "US-GS+0.1", "ST,GS,+0000.250kg");

        assertThat(open().readGrams()).isEqualTo(250);
    }

    @Test
    void onlyGarbageIsRefusedAsUnreadable() {
        sim.sends("\u00ff\u00fe#\u00e0\u00e0", "xx,yy,zz");

        assertThat(refusalOf(() -> open(Duration.ofSeconds(1)).readGrams()).reason()).isEqualTo(Reason.UNREADABLE);
    }
}
