package org.sweetshop.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postgres left running on the data directory by an owner that was killed ({@code kill -9}:
 * the JVM dies, its postgres does not, and zonky would silently connect to it). The next owner
 * finds it through {@code postmaster.pid} and stops it on purpose before starting its own.
 */
final class OrphanedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private OrphanedPostgres() {
    }

    /**
     * A postgres still running on our data directory although nobody holds the owner lock was left
     * by an app that was killed. Stop it (fast shutdown: committed data is safe, open transactions
     * roll back) so that this process starts and owns a fresh one. Returns the pid it stopped, so
     * that the server can say so.
     */
    static OptionalLong stopIfRunning(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return OptionalLong.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return OptionalLong.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (process.isEmpty()) {
            LOG.info("removing the stale postmaster.pid of a postgres (pid {}) that is no longer running", pid);
            return OptionalLong.empty();
        }
        LOG.warn("found postgres pid {} left running on {} by an app that ended without stopping it; stopping it", pid, pgData);
        signal(pid, "INT");
        if (!waitForExit(process.get(), STOP_WAIT)) {
            LOG.warn("postgres pid {} ignored a fast shutdown; sending an immediate shutdown", pid);
            signal(pid, "QUIT");
            if (!waitForExit(process.get(), STOP_WAIT)) {
                throw new DatabaseStartException("a postgres (pid " + pid + ") left running on " + pgData
                        + " by an app that was killed could not be stopped; stop it by hand", null);
            }
        }
        LOG.info("stopped the leftover postgres pid {}", pid);
        return OptionalLong.of(pid);
    }

    static void signal(long pid, String signal) {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            kill.waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(50);
        }
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseStartException("interrupted while waiting for the database", e);
        }
    }
}
