package org.sweetshop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sweetshop.db.Database;
import org.sweetshop.db.EmbeddedDatabase;

/**
 * A store database of its own for a test that stops and starts PostgreSQL under load: the
 * embedded (zonky) PostgreSQL in a fresh data directory, durable (fsync and synchronous commit
 * on, so an immediate shutdown loses no sale a till was told is made), and its own {@code pg_ctl}
 * to stop it ({@code -m fast}: sessions ended, open transactions rolled back; {@code -m immediate}:
 * every process killed, crash recovery at the next start) and start it again on the same port.
 * The shared {@link TestDatabase} is never touched.
 *
 * <p>As root (this machine) PostgreSQL refuses to run; zonky wraps its binaries in
 * {@code unshare -U}, and so does this class.
 */
public final class RestartablePostgres implements AutoCloseable {

    private static final Duration PG_CTL_WAIT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final EmbeddedDatabase embedded;
    private final Path pgData;
    private final Path pgCtl;
    private final String options;

    private RestartablePostgres(Path dataDir, EmbeddedDatabase embedded) throws IOException {
        this.dataDir = dataDir;
        this.embedded = embedded;
        this.pgData = dataDir.resolve("db").resolve("pgdata");
        long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).strip());
        String postgres = ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .orElseThrow(() -> new IllegalStateException("cannot find the postgres binary of pid " + pid));
        this.pgCtl = Path.of(postgres).resolveSibling("pg_ctl");
        // postmaster.opts: the binary, then the options zonky started it with (quoted)
        String opts = Files.readString(pgData.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
        this.options = opts.substring(opts.indexOf(' ') + 1);
    }

    public static RestartablePostgres open() {
        try {
            Path dir = Files.createTempDirectory("sweetshop-restart");
            return new RestartablePostgres(dir, EmbeddedDatabase.startOrJoin(dir, EmbeddedDatabase.Options.local()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings for a pool of {@code poolSize} connections as the owner (migrations included). */
    public Database.Settings settings(int poolSize, long lockTimeoutMs, long connectTimeoutMs) {
        var endpoint = embedded.endpoint();
        return new Database.Settings(endpoint.jdbcUrl(), endpoint.user(), endpoint.password(), poolSize, lockTimeoutMs,
                connectTimeoutMs);
    }

    /** Environment variables that point a till process at this database. */
    public Map<String, String> env() {
        var endpoint = embedded.endpoint();
        return Map.of("SWEETSHOP_DB_URL", endpoint.jdbcUrl(), "SWEETSHOP_DB_USER", endpoint.user(),
                "SWEETSHOP_DB_PASSWORD", endpoint.password());
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code pg_ctl stop -m MODE} ({@code fast} or {@code immediate}); returns when postgres has gone. */
    public void stop(String mode) {
        pgCtl("-D", pgData.toString(), "-m", mode, "-w", "-t", Long.toString(PG_CTL_WAIT.toSeconds()), "stop");
    }

    /** {@code pg_ctl start} on the same port and options; returns when it accepts connections. */
    public void start() {
        pgCtl("-D", pgData.toString(), "-w", "-t", Long.toString(PG_CTL_WAIT.toSeconds()),
                "-l", dataDir.resolve("postgres-restarted.log").toString(), "-o", options, "start");
    }

    private void pgCtl(String... args) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile(dataDir, "pg_ctl", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(PG_CTL_WAIT.toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("pg_ctl did not finish: " + command);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("pg_ctl exited " + process.exitValue() + ": " + command + "\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running pg_ctl", e);
        }
    }

    /** Stops PostgreSQL (started again or not) and releases the data directory. */
    @Override
    public void close() {
        embedded.close();
    }
}
