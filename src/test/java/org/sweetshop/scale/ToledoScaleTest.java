package org.sweetshop.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
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
import org.sweetshop.testing.ToledoSimulator;

/** A Toledo 8217 scale simulated on a pseudo-terminal, read through jSerialComm as a real one. */
class ToledoScaleTest {

    @TempDir
    Path dir;

    private PtyPair pty;
    private ToledoSimulator sim;
    private Scale scale;

    @BeforeEach
    void plugIn() throws Exception {
        pty = PtyPair.start(dir);
        sim = new ToledoSimulator(pty.simEnd());
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
        scale = Scales.open(ScaleSettings.of(pty.tillPort(), Protocol.TOLEDO).withTimeout(timeout));
        return scale;
    }

    private Scale open() {
        return open(Duration.ofSeconds(2));
    }

    private ScaleRefusedException refusalOf(Runnable call) {
        return catchThrowableOfType(ScaleRefusedException.class, call::run);
    }

    @Test
    void aStableReadingIsTakenInWholeGrams() throws Exception {
        sim.weighs("00.250");

        assertThat(open().readGrams()).isEqualTo(250);
        assertThat(sim.nextCommand()).isEqualTo("W");
    }

    @Test
    void aReadingInGramsIsTaken() {
        sim.weighs("00250g");

        assertThat(open().readGrams()).isEqualTo(250);
    }

    @Test
    void motionIsRefused() {
        sim.status('A'); // 0x41: bit 6 and bit 0, in motion

        ScaleRefusedException e = refusalOf(() -> open().readGrams());

        assertThat(e.reason()).isEqualTo(Reason.MOTION);
        assertThat(e.code()).isEqualTo("SCALE_MOTION");
        assertThat(e.getMessage()).isEqualTo("the scale is still moving: wait until the weight is steady and try again");
    }

    @Test
    void overloadIsRefused() {
        sim.status('B'); // bit 1: over capacity

        ScaleRefusedException e = refusalOf(() -> open().readGrams());

        assertThat(e.reason()).isEqualTo(Reason.OVERLOAD);
        assertThat(e.getMessage()).isEqualTo("the scale is overloaded: take some weight off and try again");
    }

    @Test
    void zeroIsRefused() {
        sim.weighs("00.000").status('P'); // a zero weight, then the status byte "centre of zero"

        Scale s = open();
        assertThat(refusalOf(s::readGrams).reason()).isEqualTo(Reason.ZERO);
        assertThat(refusalOf(s::readGrams).getMessage()).isEqualTo("the scale shows zero: put the sweets on the scale and try again");
    }

    @Test
    void negativeIsRefused() {
        sim.status('D'); // bit 2: under zero

        ScaleRefusedException e = refusalOf(() -> open().readGrams());

        assertThat(e.reason()).isEqualTo(Reason.NEGATIVE);
        assertThat(e.getMessage()).isEqualTo("the scale shows less than zero: empty it, zero it and try again");
    }

    @Test
    void aWeightInPoundsIsRefused() {
        sim.weighs("00.55"); // the 8217 pound format: two decimals

        assertThat(refusalOf(() -> open().readGrams()).reason()).isEqualTo(Reason.UNITS);
    }

    @Test
    void aTareThenANetReading() throws Exception {
        sim.answer("T", ToledoSimulator.STX + "?`" + ToledoSimulator.CR) // 0x60: bit 6 and bit 5, net
                .weighs("00.250N");
        Scale s = open();

        s.tare();
        assertThat(s.readGrams()).isEqualTo(250);

        assertThat(List.of(sim.nextCommand(), sim.nextCommand())).containsExactly("T", "W");
    }

    @Test
    void aTareWhileMovingIsNotTaken() {
        sim.answer("T", ToledoSimulator.STX + "?A" + ToledoSimulator.CR); // moving, still gross

        ScaleRefusedException e = refusalOf(() -> open().tare());

        assertThat(e.reason()).isEqualTo(Reason.TARE_NOT_TAKEN);
        assertThat(e.getMessage()).startsWith("the scale did not take the tare: it is still moving");
    }

    @Test
    void unpluggedMidReadingSaysSoLongBeforeTheTimeout() throws Exception {
        Scale s = open(Duration.ofSeconds(20)); // no answer scripted: the scale takes the W and says nothing
        ExecutorService till = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> reading = till.submit(s::readGrams);
            assertThat(sim.nextCommand()).isEqualTo("W"); // the till now waits for the answer
            long pulled = System.nanoTime();
            pty.unplug();

            ExecutionException failure = catchThrowableOfType(ExecutionException.class, () -> reading.get(10, TimeUnit.SECONDS));

            assertThat(Duration.ofNanos(System.nanoTime() - pulled)).isLessThan(Duration.ofSeconds(5));
            assertThat(failure.getCause()).isInstanceOf(ScaleRefusedException.class)
                    .hasMessage("the scale stopped answering: check its cable");
            assertThat(((ScaleRefusedException) failure.getCause()).reason()).isEqualTo(Reason.NOT_ANSWERING);
            // and so does the next reading, at once: the port is gone
            assertThat(refusalOf(s::readGrams).reason()).isEqualTo(Reason.NOT_ANSWERING);
        } finally {
            till.shutdownNow();
        }
    }

    @Test
    void closingTheScaleEndsAReadingThatWaits() throws Exception {
        Scale s = open(Duration.ofSeconds(20));
        ExecutorService till = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> reading = till.submit(s::readGrams);
            assertThat(sim.nextCommand()).isEqualTo("W");
            long closed = System.nanoTime();
            s.close();

            ExecutionException failure = catchThrowableOfType(ExecutionException.class, () -> reading.get(10, TimeUnit.SECONDS));

            assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(Duration.ofSeconds(5));
            assertThat(((ScaleRefusedException) failure.getCause()).reason()).isEqualTo(Reason.NOT_ANSWERING);
        } finally {
            till.shutdownNow();
        }
    }

    @Test
    void aSilentScaleIsRefusedAtTheTimeout() throws Exception {
        Scale s = open(Duration.ofMillis(300));
        long start = System.nanoTime();

        ScaleRefusedException e = refusalOf(s::readGrams);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e.reason()).isEqualTo(Reason.NOT_ANSWERING);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(5));
        assertThat(sim.nextCommand()).isEqualTo("W");
    }

    @Test
    void garbageBeforeTheAnswerIsSkipped() {
        sim.answer("W", "\u00ff\u0013#noise*" + ToledoSimulator.STX + "01.234" + ToledoSimulator.CR);

        assertThat(open().readGrams()).isEqualTo(1234);
    }

    @Test
    void aGarbledAnswerIsAskedForAgain() throws Exception {
        sim.answer("W", ToledoSimulator.STX + "x1.2!" + ToledoSimulator.CR).weighs("00.500");

        assertThat(open().readGrams()).isEqualTo(500);
        assertThat(List.of(sim.nextCommand(), sim.nextCommand())).containsExactly("W", "W");
    }

    @Test
    void onlyGarbledAnswersAreRefusedAsUnreadableAfterThreeTries() throws Exception {
        for (int i = 0; i < 3; i++) {
            sim.answer("W", ToledoSimulator.STX + "#?!" + ToledoSimulator.CR);
        }

        assertThat(refusalOf(() -> open().readGrams()).reason()).isEqualTo(Reason.UNREADABLE);
        assertThat(List.of(sim.nextCommand(), sim.nextCommand(), sim.nextCommand())).containsOnly("W");
        assertThat(sim.received()).isEmpty();
    }

    @Test
    void twoTillThreadsReadingAtOnceAreServedOneAfterTheOther() throws Exception {
        sim.weighs("00.100").weighs("00.200");
        Scale s = open();
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> readings = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            readings.add(CompletableFuture.supplyAsync(() -> {
                try {
                    barrier.await(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return s.readGrams();
            }));
        }

        List<Integer> grams = new ArrayList<>();
        for (CompletableFuture<Integer> reading : readings) {
            grams.add(reading.get(10, TimeUnit.SECONDS));
        }

        assertThat(grams).containsExactlyInAnyOrder(100, 200);
        assertThat(List.of(sim.nextCommand(), sim.nextCommand())).containsExactly("W", "W");
    }

    @Test
    void aPortThatDoesNotExistCannotBeOpened() {
        ScaleSettings settings = ScaleSettings.of(dir.resolve("no-such-tty").toString(), Protocol.TOLEDO);

        assertThatThrownBy(() -> Scales.open(settings)).isInstanceOfSatisfying(ScaleRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.CANNOT_OPEN);
            assertThat(e.getMessage()).contains("no-such-tty").contains("dialout");
        });
    }
}
