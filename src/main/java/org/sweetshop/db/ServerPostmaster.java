package org.sweetshop.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The store server's PostgreSQL, run by this process itself rather than through zonky's
 * {@code pg_ctl}: {@code postgres} is this JVM's own child, started through {@code setpriv} where
 * it exists, so that
 * <ul>
 * <li>when the app runs as root it runs as an unprivileged system user ({@link SystemUser}; zonky
 * would wrap it in {@code unshare -U}, which leaves the kernel's uid 0: a {@code COPY ... TO
 * PROGRAM} ran a root shell), owning {@code pgdata} alone;</li>
 * <li>it dies with the server ({@code --pdeathsig INT}, a fast shutdown), so a {@code kill -9} of
 * the server does not leave a postgres serving the network until some later command stops it.</li>
 * </ul>
 * The binaries are zonky's bundled ones, unpacked into {@code <data-dir>/db/postgres-bin}.
 */
final class ServerPostmaster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerPostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    /** Over this, {@code postgres.log} is moved aside when the server starts. */
    static final long LOG_LIMIT = 10L * 1024 * 1024;

    private final Process process;
    private final int port;
    private final String superuserPassword;

    private ServerPostmaster(Process process, int port, String superuserPassword) {
        this.process = process;
        this.port = port;
        this.superuserPassword = superuserPassword;
    }

    /**
     * Starts {@code postgres} on {@code pgData} (made by {@code initdb} first if empty), with
     * {@code settings} as {@code -c} options, after {@code beforeStart} has written its files.
     * {@code runAs} is the system user it runs as (empty: as this process's own user, never root).
     */
    static ServerPostmaster start(Path dbDir, Path pgData, int port, Map<String, String> settings, Optional<SystemUser> runAs,
                                  String superuserPassword, Duration startupWait, java.util.function.Consumer<Path> beforeStart)
            throws IOException {
        Path bin = binaries(dbDir);
        Path log = prepareLog(dbDir);
        boolean fresh = !Files.isRegularFile(pgData.resolve("PG_VERSION"));
        if (fresh) {
            Files.createDirectories(pgData);
            setMode(pgData, "rwx------");
        }
        // the system user owns pgdata alone; the data directory and db/ (root's files: passwords, the
        // CA's key, pg_hba.conf, owner.properties) stay root's, the user may only pass through them
        runAs.ifPresent(user -> user.takeOver(dbDir, pgData));
        if (fresh) {
            run(prefix(runAs, false), List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D", pgData.toString(),
                    "-E", "UTF-8"), log);
        }
        beforeStart.accept(pgData);

        List<String> command = new ArrayList<>(prefix(runAs, true));
        command.addAll(List.of(bin.resolve("postgres").toString(), "-D", pgData.toString(), "-p", Integer.toString(port)));
        settings.forEach((key, value) -> {
            command.add("-c");
            command.add(key + "=" + value);
        });
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        cleanEnvironment(builder);
        // pdeathsig fires when the *thread* that started the child ends: start it from a thread that
        // lives exactly as long as postgres does
        CompletableFuture<Process> started = new CompletableFuture<>();
        Thread parent = new Thread(() -> {
            Process p;
            try {
                p = builder.start();
            } catch (IOException | RuntimeException e) {
                started.completeExceptionally(e);
                return;
            }
            started.complete(p);
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "postgres-parent");
        parent.setDaemon(true);
        parent.start();
        Process process;
        try {
            process = started.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting postgres", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot start postgres: " + e.getMessage(), e);
        }
        ServerPostmaster postmaster = new ServerPostmaster(process, port, superuserPassword);
        postmaster.awaitReady(startupWait, log);
        LOG.info("postgres pid {} started on port {}{}", process.pid(), port, runAs.map(u -> " as system user " + u.name()).orElse(""));
        return postmaster;
    }

    long pid() {
        return process.pid();
    }

    /** A connection of the superuser to the {@code postgres} database, over loopback. */
    Connection superuser() throws SQLException {
        return connect("postgres", superuserPassword);
    }

    private Connection connect(String database, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, properties);
    }

    private void awaitReady(Duration wait, Path log) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("postgres exited with code " + process.exitValue() + ": " + tail(log));
            }
            try (Connection c = superuser()) {
                return;
            } catch (SQLException e) {
                last = e;
                if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
                    return; // it answers: who may log in is not this wait's business
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for postgres", e);
            }
        }
        close();
        throw new IOException("postgres did not accept connections within " + wait.toSeconds() + " s: "
                + (last == null ? "" : last.getMessage()) + " " + tail(log));
    }

    /** Fast shutdown (open transactions roll back, committed data is safe); immediate if it hangs. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        OrphanedPostgres.signal(process.pid(), "INT");
        if (!waitFor(STOP_WAIT)) {
            LOG.warn("postgres pid {} ignored a fast shutdown; sending an immediate shutdown", process.pid());
            OrphanedPostgres.signal(process.pid(), "QUIT");
            if (!waitFor(STOP_WAIT)) {
                process.destroyForcibly();
            }
        }
    }

    private boolean waitFor(Duration wait) {
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code db/postgres.log}, made before PostgreSQL appends to it: this process's alone to read
     * (mode 600), and over {@link #LOG_LIMIT} bytes at a start moved to {@code postgres.log.1} (the
     * one old copy kept) so that it does not grow forever.
     */
    static Path prepareLog(Path dbDir) throws IOException {
        Path log = dbDir.resolve("postgres.log");
        if (Files.isRegularFile(log) && Files.size(log) > LOG_LIMIT) {
            Path old = dbDir.resolve("postgres.log.1");
            Files.move(log, old, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            setMode(old, "rw-------");
            LOG.info("{} was over {} bytes: moved to {}", log, LOG_LIMIT, old.getFileName());
        }
        if (!Files.exists(log, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(log);
            }
        }
        setMode(log, "rw-------");
        return log;
    }

    /** {@code setpriv}: drop to the system user (root only) and die with this JVM. */
    private static List<String> prefix(Optional<SystemUser> runAs, boolean dieWithParent) {
        if (!SystemUser.hasSetpriv()) {
            if (runAs.isPresent()) {
                throw new DatabaseStartException("setpriv (util-linux) is needed to run PostgreSQL as " + runAs.get().name(), null);
            }
            return List.of();
        }
        List<String> prefix = new ArrayList<>(List.of("setpriv"));
        runAs.ifPresent(user -> prefix.addAll(List.of("--reuid=" + user.uid(), "--regid=" + user.gid(), "--init-groups", "--inh-caps=-all")));
        if (dieWithParent) {
            prefix.add("--pdeathsig=INT");
        }
        prefix.add("--");
        return prefix.size() == 2 ? List.of() : prefix;
    }

    /** Secrets in this process's environment (SWEETSHOP_DB_PASSWORD, PGPASSWORD) are not postgres's. */
    private static void cleanEnvironment(ProcessBuilder builder) {
        builder.environment().keySet().removeIf(key -> key.startsWith("SWEETSHOP") || key.startsWith("PG"));
    }

    private static void run(List<String> prefix, List<String> command, Path log) throws IOException {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(all).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        cleanEnvironment(builder);
        Process p = builder.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(Path.of(command.get(0)).getFileName() + " failed: " + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(see " + log + ")";
        }
    }

    /** Zonky's bundled binaries for this platform, unpacked once into {@code db/postgres-bin}. */
    private static Path binaries(Path dbDir) throws IOException {
        Path dir = dbDir.resolve("postgres-bin");
        Path done = dir.resolve(".unpacked");
        if (Files.isRegularFile(done)) {
            return dir.resolve("bin");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String system = os.contains("win") ? "Windows" : os.contains("mac") ? "Darwin" : "Linux";
        String arch = System.getProperty("os.arch");
        String machine = "amd64".equals(arch) ? "x86_64" : arch;
        deleteTree(dir);
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machine);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("unexpected entry in the PostgreSQL archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    if ((entry.getMode() & 0100) != 0 || entry.getName().contains("bin/")) {
                        setMode(target, "rwxr-xr-x");
                    }
                }
            }
        }
        Files.writeString(done, "", StandardCharsets.UTF_8);
        return dir.resolve("bin");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void setMode(Path path, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException e) {
            LOG.debug("no POSIX permissions for {}", path);
        }
    }
}
