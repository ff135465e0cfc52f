package org.sweetshop.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL kept in the data directory (zonky's real binaries).
 *
 * <p>One process owns it: the first that takes {@code db/owner.lock} (an OS file lock, so a killed
 * owner releases it). The owner starts PostgreSQL with durability on, writes its port to
 * {@code db/owner.properties} and stops it on close. Any other process on the same data directory
 * (a CLI command while the till is open) finds the lock taken and joins the running database
 * instead of starting a second one. A postgres left running by an owner that was killed is found
 * through {@code postmaster.pid} by the next owner, which stops it on purpose before starting
 * ({@link OrphanedPostgres}). The files beside {@code pgdata} are {@link OwnerFiles}'; who may
 * connect is {@link AccessRules}' {@code pg_hba.conf}. The single-till default starts PostgreSQL
 * through zonky; the store server ({@link Mode#SERVER}) starts its own ({@link StoreServer},
 * {@link ServerPostmaster}: never as root, with TLS, dying with the server).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    public static final String DATABASE = "sweetshop";
    public static final String APP_USER = "sweetshop";
    private static final Duration JOIN_WAIT = Duration.ofSeconds(90);

    /** How the database listens: for this machine only, or for the store's tills. */
    public enum Mode { LOCAL, SERVER }

    /**
     * @param mode     local (loopback, trusted) or server (listen address, password authentication, TLS)
     * @param port     0 picks a free port
     * @param listen   listen address for server mode (e.g. {@code 127.0.0.1}, {@code *})
     * @param password the app user's password; null uses the one kept in the data directory
     * @param durable  fsync and synchronous commit on (always, except in tests that ask otherwise)
     * @param runAs    server mode when this process is root: the system user PostgreSQL runs as
     */
    public record Options(Mode mode, int port, String listen, String password, boolean durable, SystemUser runAs) {
        public static Options local() {
            return new Options(Mode.LOCAL, 0, "localhost", null, true, null);
        }

        public static Options server(int port, String listen, String password) {
            return new Options(Mode.SERVER, port, listen, password, true, null);
        }

        public Options notDurable() {
            return new Options(mode, port, listen, password, false, runAs);
        }

        public Options runningAs(SystemUser user) {
            return new Options(mode, port, listen, password, durable, user);
        }
    }

    /** The running postgres this process owns: zonky's (local mode) or a {@link ServerPostmaster} (server mode). */
    interface Postmaster extends AutoCloseable {
        Connection superuser() throws SQLException;

        @Override
        void close();
    }

    /** Where and how to connect. */
    public record Endpoint(String jdbcUrl, String user, String password, int port) {
    }

    private final Path dbDir;
    private final Endpoint endpoint;
    private final Postmaster postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile int waitingForOthers;
    private OptionalLong stoppedOrphan = OptionalLong.empty();
    /** How long a closing owner waits for other processes' sessions before it stops PostgreSQL. */
    static final Duration HANDOVER_WAIT = Duration.ofSeconds(30);

    private EmbeddedDatabase(Path dbDir, Endpoint endpoint, Postmaster postgres, FileChannel lockChannel,
                             FileLock lock) {
        this.dbDir = dbDir;
        this.endpoint = endpoint;
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The pid of a postgres that a killed owner had left running and this start stopped, if any. */
    public OptionalLong stoppedOrphan() {
        return stoppedOrphan;
    }

    /** True when this process started the database (and stops it on close). */
    public boolean owner() {
        return postgres != null;
    }


    /**
     * Starts the database in {@code dataDir}, or joins it when another process of this app already
     * runs it. A server-mode start refuses to join: it must own the database.
     */
    public static EmbeddedDatabase startOrJoin(Path dataDir, Options options) {
        Path dbDir = dataDir.resolve("db");
        try {
            Files.createDirectories(dbDir);
        } catch (IOException e) {
            throw new DatabaseStartException("cannot create " + dbDir + ": " + e.getMessage(), e);
        }
        FileChannel channel = null;
        FileLock lock = null;
        try {
            channel = FileChannel.open(dbDir.resolve("owner.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // owned by this very JVM (tests, or a CLI inside the app)
            }
            if (lock == null) {
                channel.close();
                if (options.mode() == Mode.SERVER) {
                    Properties owner = OwnerFiles.readOwner(dbDir).orElse(new Properties());
                    throw new DatabaseStartException("the database in " + dataDir + " is already running (process "
                            + owner.getProperty("pid", "?") + "); stop that app or server first", null);
                }
                return join(dataDir, dbDir, options);
            }
            return own(dataDir, dbDir, options, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DatabaseStartException("cannot use the data directory " + dataDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (lock != null) {
                closeQuietly(channel);
            }
            throw e;
        }
    }

    private static EmbeddedDatabase join(Path dataDir, Path dbDir, Options options) {
        long deadline = System.nanoTime() + JOIN_WAIT.toNanos();
        LOG.info("the database in {} is run by another process; joining it", dataDir);
        while (true) {
            Optional<Properties> owner = OwnerFiles.readOwner(dbDir);
            if (owner.isPresent() && "true".equals(owner.get().getProperty("ready"))) {
                long pid = Long.parseLong(owner.get().getProperty("pid"));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    int port = Integer.parseInt(owner.get().getProperty("port"));
                    String password = options.password() != null ? options.password() : OwnerFiles.readPassword(dbDir).orElse(null);
                    return new EmbeddedDatabase(dbDir, endpoint(port, password), null, null, null);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new DatabaseStartException("the database in " + dataDir
                        + " is held by another process that did not finish starting it; close the other app and try again", null);
            }
            sleep(100);
        }
    }

    private static EmbeddedDatabase own(Path dataDir, Path dbDir, Options options, FileChannel channel, FileLock lock)
            throws IOException {
        if (options.mode() == Mode.LOCAL) {
            StoreServer.refuseLocalStart(dataDir, dbDir);
        }
        Files.deleteIfExists(dbDir.resolve("owner.properties"));
        Path pgData = dbDir.resolve("pgdata");
        OptionalLong orphan = OrphanedPostgres.stopIfRunning(pgData);

        String password = options.password();
        if (password == null) {
            Optional<String> kept = OwnerFiles.readPassword(dbDir);
            if (kept.isPresent()) {
                password = kept.get();
            } else {
                password = OwnerFiles.generatePassword();
                OwnerFiles.writePassword(dbDir, password);
            }
        }

        int port = options.port() != 0 ? options.port() : freePort();
        Postmaster postgres;
        try {
            postgres = options.mode() == Mode.SERVER ? StoreServer.start(dbDir, pgData, port, options) : startLocal(pgData, port, options);
        } catch (IOException | RuntimeException e) {
            if (e instanceof org.sweetshop.common.Refusal refusal) {
                throw refusal;
            }
            if (e instanceof DatabaseStartException said) {   // it says why in its own words (a port in use)
                throw said;
            }
            throw new DatabaseStartException(startFailure(pgData, port, e), e);
        }
        try {
            prepareAppDatabase(postgres, password);
            if (options.mode() == Mode.SERVER) {
                StoreServer.prepare(postgres, dbDir, pgData);
            }
            OwnerFiles.writeOwner(dbDir, port, options.mode(), options.mode() == Mode.SERVER ? options.listen() : "localhost");
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(postgres);
            throw new DatabaseStartException("the embedded database started but could not be prepared: " + e.getMessage(), e);
        }
        LOG.info("embedded PostgreSQL started in {} on port {} ({} mode, durable={})", pgData, port, options.mode(), options.durable());
        EmbeddedDatabase database = new EmbeddedDatabase(dbDir, endpoint(port, password), postgres, channel, lock);
        database.stoppedOrphan = orphan;
        return database;
    }

    /** The single-till default: zonky's start-up, loopback only, trusted (see {@link AccessRules}). */
    private static Postmaster startLocal(Path pgData, int port, Options options) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setDataDirectoryCustomizer(dir -> AccessRules.write(dir.toPath(), AccessRules.Rules.LOCAL));
        if (options.durable()) {
            // zonky starts postgres with -F (fsync off) by default: a till must not lose a sale on a power cut
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        } else {
            builder.setServerConfig("synchronous_commit", "off");
        }
        EmbeddedPostgres postgres = builder.start();
        return new Postmaster() {
            @Override
            public Connection superuser() throws SQLException {
                return postgres.getPostgresDatabase().getConnection();
            }

            @Override
            public void close() {
                closeQuietly(postgres);
            }
        };
    }

    static Endpoint endpoint(int port, String password) {
        return new Endpoint("jdbc:postgresql://localhost:" + port + "/" + DATABASE, APP_USER, password, port);
    }

    private static String startFailure(Path pgData, int port, Exception e) {
        if (Files.isRegularFile(pgData.resolve("PG_VERSION"))) {
            try {
                String version = Files.readString(pgData.resolve("PG_VERSION")).strip();
                if (!version.startsWith("17")) {
                    return "the database in " + pgData + " was made by PostgreSQL " + version
                            + " and cannot be opened by the bundled PostgreSQL 17";
                }
            } catch (IOException ignored) {
                // fall through to the general message
            }
        }
        return "the embedded database did not start (port " + port + " in use? see the log in the data directory): "
                + e.getMessage();
    }

    /** Creates the app's login role and database, and (re)sets the role's password. */
    private static void prepareAppDatabase(Postmaster postgres, String password) throws SQLException {
        try (Connection c = postgres.superuser(); Statement s = c.createStatement()) {
            boolean roleExists;
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + APP_USER + "'")) {
                roleExists = rs.next();
            }
            // the owner of the schema: it runs the migrations, which make the till and back-office
            // group roles (CREATEROLE), and `server till add/revoke`, which make and end each till's
            // login role and its sessions (pg_signal_backend)
            s.execute((roleExists ? "alter role " : "create role ") + APP_USER + " login createrole");
            // hashed here (SCRAM-SHA-256): the password never reaches the server, and not even its
            // verifier a log of every statement (log_statement = all)
            s.execute("set log_statement = 'none'");
            c.unwrap(PGConnection.class).alterUserPassword(APP_USER, password.toCharArray(), "scram-sha-256");
            s.execute("reset log_statement");
            s.execute("grant pg_signal_backend to " + APP_USER);
            boolean dbExists;
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                dbExists = rs.next();
            }
            if (!dbExists) {
                s.execute("create database " + DATABASE + " owner " + APP_USER + " encoding 'UTF8'");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (postgres != null) {
            waitForOtherSessions(HANDOVER_WAIT);
            try {
                Files.deleteIfExists(dbDir.resolve("owner.properties"));
            } catch (IOException e) {
                LOG.debug("cannot remove owner.properties", e);
            }
            closeQuietly(postgres);
            LOG.info("embedded PostgreSQL stopped");
        }
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException e) {
                LOG.debug("cannot release the owner lock", e);
            }
        }
        closeQuietly(lockChannel);
    }

    /**
     * The owner stops PostgreSQL when it closes; other processes (a command run while the app was
     * open, two commands at once) may still be using it. Their sessions are given up to
     * {@code wait} to finish before it stops anyway.
     */
    private void waitForOtherSessions(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try (Connection c = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
             PreparedStatement others = c.prepareStatement("select count(*) from pg_stat_activity where backend_type = 'client backend'"
                     + " and pid <> pg_backend_pid() and datname = current_database()")) {
            while (true) {
                int count;
                try (ResultSet rs = others.executeQuery()) {
                    rs.next();
                    count = rs.getInt(1);
                }
                waitingForOthers = count;
                if (count == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    LOG.warn("stopping PostgreSQL with {} session(s) of other processes still open", count);
                    return;
                }
                LOG.info("waiting for {} session(s) of other processes before stopping PostgreSQL", count);
                Thread.sleep(200);
            }
        } catch (SQLException e) {
            LOG.debug("cannot look for other sessions before stopping", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waitingForOthers = 0;
        }
    }

    /** While closing: how many sessions of other processes the owner is waiting for (0 otherwise). */
    int waitingForOthers() {
        return waitingForOthers;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed", closeable, e);
        }
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
