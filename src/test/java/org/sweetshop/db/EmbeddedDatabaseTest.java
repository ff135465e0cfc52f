package org.sweetshop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.AppContext;
import org.sweetshop.Launcher;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.JavaProcess;
import org.sweetshop.testing.ServerFiles;
import org.sweetshop.testing.TestDatabase;

/**
 * The embedded PostgreSQL's life cycle, each test with its own data directory and its own
 * PostgreSQL: durable settings, restart, a second process joining, the postgres a killed app leaves
 * behind, and the store server with password authentication.
 */
class EmbeddedDatabaseTest {

    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;

    /** Whatever a failed test left running in its data directory is stopped (only that postgres, by its pid). */
    @AfterEach
    void noPostgresLeftRunning() {
        postmasterPid().flatMap(ProcessHandle::of).filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true))
                .ifPresent(postgres -> {
                    postgres.destroy();
                    if (!waitUntilGone(postgres.pid(), Duration.ofSeconds(30))) {
                        postgres.destroyForcibly();
                    }
                });
    }

    @Test
    void embeddedDatabaseRunsDurableAndKeepsCommittedDataAcrossARestart() throws Exception {
        long firstPostgres;
        try (AppContext app = AppContext.open(TestDatabase.config(dataDir))) {
            assertThat(show(app.database().dataSource(), "fsync")).isEqualTo("on");
            assertThat(show(app.database().dataSource(), "synchronous_commit")).isEqualTo("on");
            assertThat(show(app.database().dataSource(), "full_page_writes")).isEqualTo("on");
            Caller owner = firstOwner(app);
            app.catalog().add(owner, new NewSweet("DURABLE", "Sherbet lemon", "Boiled", new BigDecimal("0.80"), 7, 0), "T1");
            firstPostgres = postmasterPid().orElseThrow();
        }
        assertThat(waitUntilGone(firstPostgres, Duration.ofSeconds(30))).as("postgres stopped on close").isTrue();
        assertThat(dataDir.resolve("db/pgdata/postmaster.pid")).doesNotExist();

        try (AppContext app = AppContext.open(TestDatabase.config(dataDir))) {
            assertThat(app.catalog().find("DURABLE").stock()).isEqualTo(7);
            assertThat(app.staff().login("owner", DatabaseTest.PASSWORD).role()).isEqualTo(Role.OWNER);
            assertThat(show(app.database().dataSource(), "fsync")).isEqualTo("on");
            assertThat(show(app.database().dataSource(), "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void secondProcessOnTheSameDataDirectoryJoinsTheRunningDatabase() throws Exception {
        try (AppContext app = AppContext.open(TestDatabase.config(dataDir))) {
            Caller owner = firstOwner(app);
            app.catalog().add(owner, new NewSweet("JOINED", "Pear drop", "Boiled", new BigDecimal("0.90"), 12, 0), "T1");
            long postgres = postmasterPid().orElseThrow();

            int exitCode;
            String out;
            try (JavaProcess cli = JavaProcess.start("join-cli", Launcher.class,
                    List.of("--data-dir", dataDir.toString(), "sweet", "list", "--json"), Map.of())) {
                exitCode = cli.awaitExit(START);
                out = cli.stdout();
                assertThat(exitCode).as("exit code; stderr: " + cli.stderr()).isZero();
            }

            JsonNode sweets = new ObjectMapper().readTree(out);
            assertThat(sweets.isArray()).as(out).isTrue();
            assertThat(sweets).hasSize(1);
            assertThat(sweets.get(0).get("sku").asText()).isEqualTo("JOINED");
            assertThat(sweets.get(0).get("stock").asInt()).isEqualTo(12);
            // the same postgres, still run by this process, still serving it after the other one left
            assertThat(postmasterPid()).contains(postgres);
            assertThat(ownerProperties().getProperty("pid")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThat(app.catalog().find("JOINED").stock()).isEqualTo(12);
        }
    }

    @Test
    void theOwnerWaitsForAnotherProcessSessionBeforeStoppingPostgres() throws Exception {
        EmbeddedDatabase owner = EmbeddedDatabase.startOrJoin(dataDir, EmbeddedDatabase.Options.local());
        var endpoint = owner.endpoint();
        long postgresPid = postmasterPid().orElseThrow();
        // another process's session (a command run while this one was open), here a plain connection
        try (Connection other = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password())) {
            Thread closing = new Thread(owner::close, "owner-closing");
            closing.start();
            org.sweetshop.testing.Poll.until(Duration.ofSeconds(20), () -> owner.waitingForOthers() == 1,
                    () -> "the owner is waiting for " + owner.waitingForOthers() + " sessions");

            try (Statement s = other.createStatement(); ResultSet rs = s.executeQuery("select 41 + 1")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the other session still works while the owner closes").isEqualTo(42);
            }
            assertThat(closing.isAlive()).isTrue();
            other.close();
            closing.join(Duration.ofSeconds(60).toMillis());
            assertThat(closing.isAlive()).isFalse();
        }
        assertThat(waitUntilGone(postgresPid, Duration.ofSeconds(30))).as("postgres stopped once the other session ended").isTrue();
    }

    @Test
    void postgresLeftRunningByAKilledAppIsStoppedOnPurposeByTheNextStart() throws Exception {
        long orphan = EmbeddedAppHolder.leaveOrphanedPostgres(dataDir, START);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the killed app's postgres is still running").contains(true);

        try (AppContext app = AppContext.open(TestDatabase.config(dataDir))) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).as("the orphan was stopped").isFalse();
            long postgres = postmasterPid().orElseThrow();
            assertThat(postgres).isNotEqualTo(orphan);
            assertThat(ProcessHandle.of(postgres).map(ProcessHandle::isAlive)).contains(true);
            assertThat(ownerProperties().getProperty("pid")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThat(app.catalog().find("ORPHANED").stock()).isEqualTo(5);
            assertThat(show(app.database().dataSource(), "fsync")).isEqualTo("on");
        }
        assertThat(dataDir.resolve("db/pgdata/postmaster.pid")).doesNotExist();
    }

    @Test
    void storeServerWantsThePasswordAndASecondServerOnTheSameDataRefusesClearly() throws Exception {
        int port = freePort();
        String password;
        String url;
        long postgres;
        try (JavaProcess server = JavaProcess.start("server", Launcher.class,
                List.of("--data-dir", dataDir.toString(), "server", "--port", Integer.toString(port), "--listen", "127.0.0.1"), Map.of())) {
            String urlLine = server.awaitLine(line -> line.contains("JDBC URL:"), START, "the JDBC URL");
            url = urlLine.substring(urlLine.indexOf("jdbc:")).strip();
            assertThat(url).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/sweetshop?sslmode=verify-full&sslrootcert="
                    + dataDir.resolve("db/tls/root.crt").toAbsolutePath());
            server.awaitLineStartingWith("Press Ctrl+C", START);
            // issue 9: `server` prints no password; the owner's is kept in the data directory (mode 600)
            password = Files.readString(dataDir.resolve("db/password")).strip();
            assertThat(server.stdout()).doesNotContain(password).doesNotContain("password:");
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("db/password"))).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            postgres = postmasterPid().orElseThrow();

            try (Connection c = DriverManager.getConnection(url, "sweetshop", password); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_user, (select count(*) from sweet)")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("sweetshop");
                assertThat(rs.getLong(2)).as("the schema is in place").isZero();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sweetshop", password + "-wrong").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));

            try (JavaProcess second = JavaProcess.start("server-2", Launcher.class,
                    List.of("--data-dir", dataDir.toString(), "server", "--port", Integer.toString(freePort()), "--listen", "127.0.0.1"),
                    Map.of())) {
                int exitCode = second.awaitExit(START);
                String err = second.stderr();
                assertThat(exitCode).as("exit code; stdout: " + second.stdout() + "; stderr: " + err).isEqualTo(5);
                assertThat(err).contains("already running").doesNotContain("Exception").doesNotContain("\tat ");
            }
            // the first server is untouched
            try (Connection c = DriverManager.getConnection(url, "sweetshop", password); Statement s = c.createStatement()) {
                assertThat(s.execute("select 1")).isTrue();
            }

            server.terminate(Duration.ofSeconds(60));
        }
        assertThat(waitUntilGone(postgres, Duration.ofSeconds(30))).as("postgres stopped with the server").isTrue();
        assertThat(dataDir.resolve("db/pgdata/postmaster.pid")).doesNotExist();
    }

    @Test
    void storeServerTrustsNobodyAndGivesEachTillItsOwnCredentialsThatAreRevokedAlone() throws Exception {
        int port = freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/sweetshop";
        try (JavaProcess server = JavaProcess.start("server", Launcher.class,
                List.of("--data-dir", dataDir.toString(), "server", "--port", Integer.toString(port), "--listen", "127.0.0.1"), Map.of())) {
            server.awaitLineStartingWith("Press Ctrl+C", START);
            assertThat(server.stdout()).contains("server till add NAME --out DIR");

            // scram-sha-256 for everyone, the superuser on loopback included: no trust left
            assertThat(Files.readString(dataDir.resolve("db/pg_hba.conf"))).doesNotContain("trust").contains("scram-sha-256");
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "guess").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));

            Path tillOne = dataDir.resolveSibling(dataDir.getFileName() + "-till-one");
            Path tillTwo = dataDir.resolveSibling(dataDir.getFileName() + "-till-two");
            Properties one = addTill("t1", tillOne);
            Properties two = addTill("t2", tillTwo);
            assertThat(one.getProperty("db.url")).isEqualTo(url + "?sslmode=verify-full&sslrootcert=root.crt");
            assertThat(one.getProperty("db.user")).isEqualTo("till_t1");
            assertThat(two.getProperty("db.password")).isNotEqualTo(one.getProperty("db.password"));
            // `sweetshop --data-dir DIR` is that till, wherever the folder was copied to: it opens the
            // store database with the till's credentials, verifying the server with the folder's root.crt
            Path tillTwoMoved = Files.move(tillTwo, dataDir.resolveSibling(dataDir.getFileName() + "-till-two-moved"));
            try (JavaProcess list = JavaProcess.start("till-two", Launcher.class,
                    List.of("--data-dir", tillTwoMoved.toString(), "sweet", "list", "--json"), Map.of())) {
                assertThat(list.awaitExit(START)).as(list.stderr()).isZero();
                assertThat(list.stdout().strip()).isEqualTo("[]");
            }

            try (Connection till = DriverManager.getConnection(url, one.getProperty("db.user"), one.getProperty("db.password"));
                 Connection other = DriverManager.getConnection(url, two.getProperty("db.user"), two.getProperty("db.password"))) {
                try (Statement s = till.createStatement(); ResultSet rs = s.executeQuery("select current_user, (select count(*) from sweet)")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("till_t1");
                }
                assertThatThrownBy(() -> till.createStatement().execute("copy (select 1) to program 'id'"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
                assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                        one.getProperty("db.user"), one.getProperty("db.password")).close())
                        .as("a till connects to the store's database only")
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));

                try (JavaProcess revoke = JavaProcess.start("revoke", Launcher.class,
                        List.of("--data-dir", dataDir.toString(), "server", "till", "revoke", "t1"), Map.of())) {
                    assertThat(revoke.awaitExit(START)).as(revoke.stderr()).isZero();
                    assertThat(revoke.stdout()).contains("till t1 revoked").contains("1 open session(s) ended");
                }

                assertThatThrownBy(() -> till.createStatement().execute("select 1")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> DriverManager.getConnection(url, one.getProperty("db.user"), one.getProperty("db.password")).close())
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isIn("28P01", "28000"));
                try (Statement s = other.createStatement()) {
                    assertThat(s.execute("select 1")).as("the other till is untouched").isTrue();
                }
            }
            server.terminate(Duration.ofSeconds(60));
        }
        // a later start: the superuser has its password, so no rule trusts anyone even while starting
        try (JavaProcess again = JavaProcess.start("server-again", Launcher.class,
                List.of("--data-dir", dataDir.toString(), "server", "--port", Integer.toString(port), "--listen", "127.0.0.1"), Map.of())) {
            again.awaitLineStartingWith("Press Ctrl+C", START);
            assertThat(Files.readString(dataDir.resolve("db/pg_hba.conf"))).doesNotContain("trust");
            again.terminate(Duration.ofSeconds(60));
        }
    }

    private Properties addTill(String name, Path dir) throws Exception {
        try (JavaProcess add = JavaProcess.start("add-" + name, Launcher.class,
                List.of("--data-dir", dataDir.toString(), "server", "till", "add", name, "--out", dir.toString()), Map.of())) {
            assertThat(add.awaitExit(START)).as(add.stderr()).isZero();
            Path file = dir.resolve("sweetshop.properties");
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            Properties properties = new Properties();
            try (var reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            assertThat(add.stdout()).contains("till " + name + " added").doesNotContain(properties.getProperty("db.password"));
            return properties;
        }
    }

    private static Caller firstOwner(AppContext app) {
        app.staff().register(null, "owner", Role.OWNER, DatabaseTest.PASSWORD);
        return app.staff().login("owner", DatabaseTest.PASSWORD);
    }

    private static String show(DataSource dataSource, String setting) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            String value = rs.getString(1);
            c.rollback();
            return value;
        }
    }

    private Optional<Long> postmasterPid() {
        return ServerFiles.postmasterPid(dataDir);
    }

    private Properties ownerProperties() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("db/owner.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /** Waits for the process to exit (an OS event, not a poll); false if it is still running at the deadline. */
    private static boolean waitUntilGone(long pid, Duration timeout) {
        var process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        try {
            process.get().onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
