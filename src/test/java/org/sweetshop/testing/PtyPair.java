package org.sweetshop.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A null-modem cable in software: {@code socat} joins two pseudo-terminals, {@code DIR/scale} (the
 * till opens it as its serial port, through jSerialComm like a real one) and {@code DIR/sim} (the
 * simulated device, a scale or a receipt printer, talks on it). Killing socat is pulling the cable.
 * Skips the test where socat is not installed ({@code .ci/run} installs it).
 */
public final class PtyPair implements AutoCloseable {

    private final Process socat;
    private final Path scale;
    private final Path sim;

    private PtyPair(Process socat, Path scale, Path sim) {
        this.socat = socat;
        this.scale = scale;
        this.sim = sim;
    }

    public static PtyPair start(Path dir) throws IOException {
        assumeTrue(socatInstalled(), "socat is not installed (apt-get install socat): the serial pty tests are skipped");
        Path scale = dir.resolve("scale");
        Path sim = dir.resolve("sim");
        Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + scale, "pty,raw,echo=0,link=" + sim)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        PtyPair pair = new PtyPair(socat, scale, sim);
        try {
            Poll.until(Duration.ofSeconds(10), () -> Files.exists(scale) && Files.exists(sim) || !socat.isAlive(),
                    () -> "socat made no pty pair in " + dir);
            if (!socat.isAlive()) {
                throw new IllegalStateException("socat ended: " + Files.readString(dir.resolve("socat.log")));
            }
        } catch (RuntimeException | Error e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    private static boolean socatInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** The end the till opens as its serial port (the scale's, the printer's). */
    public String tillPort() {
        return scale.toString();
    }

    /** The end the simulated device reads and writes. */
    public Path simEnd() {
        return sim;
    }

    /** Pulls the cable: kills socat by its PID and waits until it is gone. */
    public void unplug() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (socat.isAlive()) {
            unplug();
        }
    }
}
