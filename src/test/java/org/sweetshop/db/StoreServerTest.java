package org.sweetshop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.Launcher;
import org.sweetshop.config.ConfigLoader;
import org.sweetshop.testing.JavaProcess;
import org.sweetshop.testing.ServerFiles;
import org.sweetshop.testing.Poll;

/**
 * The store server's hardening (issue 9): it listens on loopback unless told otherwise, with TLS
 * that tills verify; pg_hba wants TLS from every address but loopback; as root PostgreSQL runs as
 * the unprivileged system user (or the server refuses); a killed server takes its postgres with it;
 * no password is printed or logged.
 */
class StoreServerTest {

    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;

    @TempDir
    Path elsewhere;

    @AfterEach
    void noPostgresLeftRunning() {
        postmasterPid().flatMap(ProcessHandle::of).filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true))
                .ifPresent(postgres -> {
                    postgres.destroy();
                    if (!postgres.onExit().completeOnTimeout(null, 30, java.util.concurrent.TimeUnit.SECONDS).isDone() || postgres.isAlive()) {
                        postgres.destroyForcibly();
                    }
                });
    }

    @Test
    void serverListensOnLoopbackWithTlsThatTillsVerifyAndPrintsNoSecret() throws Exception {
        int port = freePort();
        Path till = elsewhere.resolve("till-one");
        try (JavaProcess server = startServer(port, List.of(), Map.of())) {
            Path rootCert = dataDir.resolve("db/tls/root.crt");
            String urlLine = server.awaitLine(line -> line.contains("JDBC URL:"), START, "the JDBC URL");
            assertThat(urlLine.substring(urlLine.indexOf("jdbc:")).strip()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port
                    + "/sweetshop?sslmode=verify-full&sslrootcert=" + rootCert.toAbsolutePath());
            server.awaitLineStartingWith("Press Ctrl+C", START);
            // the server's key: the postgres user's to read alone (as root: root's, its group may read it)
            if (SystemUser.runningAsRoot()) {
                assertThat(Files.getPosixFilePermissions(dataDir.resolve("db/tls/server.key"))).containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ);
                assertThat(Files.getAttribute(dataDir.resolve("db/tls/server.key"), "unix:gid"))
                        .isEqualTo(SystemUser.find(SystemUser.DEFAULT).orElseThrow().gid());
            } else {
                assertThat(Files.getPosixFilePermissions(dataDir.resolve("db/tls/server.key"))).containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            }
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("db/tls/root.key"))).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(ServerCertificates.names(dataDir.resolve("db/tls/server.crt"))).contains("127.0.0.1", "localhost", "::1");

            String ownerPassword = Files.readString(dataDir.resolve("db/password")).strip();
            String superuserPassword = Files.readString(dataDir.resolve("db/superuser-password")).strip();
            try (Connection owner = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/sweetshop", "sweetshop", ownerPassword)) {
                assertThat(show(owner, "listen_addresses")).as("loopback by default").isEqualTo("127.0.0.1");
                assertThat(show(owner, "ssl")).isEqualTo("on");
            }
            List<String> hba = Files.readAllLines(dataDir.resolve("db/pg_hba.conf")).stream()
                    .filter(l -> !l.startsWith("#")).toList();
            assertThat(hba).contains("hostssl all all 0.0.0.0/0 scram-sha-256", "hostssl all all ::/0 scram-sha-256",
                    "hostnossl all all 0.0.0.0/0 reject");
            assertThat(hba).noneMatch(l -> l.contains("trust"))
                    .noneMatch(l -> l.startsWith("host ") && !l.contains("127.0.0.1/32") && !l.contains("::1/128") && !l.endsWith("reject"));

            Properties t1;
            String addOut;
            Path addLog;
            try (JavaProcess add = JavaProcess.start("add-t1", Launcher.class,
                    List.of("--data-dir", dataDir.toString(), "server", "till", "add", "t1", "--out", till.toString()), Map.of())) {
                assertThat(add.awaitExit(START)).as(add.stderr()).isZero();
                t1 = ServerFiles.properties(till.resolve("sweetshop.properties"));
                addOut = add.stdout() + add.stderr();
                addLog = appLog(add);
            }
            assertThat(t1.getProperty("db.url")).isEqualTo("jdbc:postgresql://127.0.0.1:" + port
                    + "/sweetshop?sslmode=verify-full&sslrootcert=root.crt");
            assertThat(Files.readAllBytes(till.resolve("root.crt"))).isEqualTo(Files.readAllBytes(rootCert));
            String tillUser = t1.getProperty("db.user");
            String tillPassword = t1.getProperty("db.password");

            // the till's own URL: TLS, the server verified against the store's CA and by name
            try (Connection c = DriverManager.getConnection(tillUrl(till), tillUser, tillPassword);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select ssl, version from pg_stat_ssl where pid = pg_backend_pid()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("the till's session is encrypted").isTrue();
                assertThat(rs.getString(2)).startsWith("TLSv1.");
            }
            // a client that trusts another CA refuses this server
            ServerCertificates.ensure(elsewhere.resolve("other-ca"), List.of());
            String otherCa = "jdbc:postgresql://127.0.0.1:" + port + "/sweetshop?sslmode=verify-full&sslrootcert="
                    + ServerCertificates.rootCertificate(elsewhere.resolve("other-ca"));
            assertThatThrownBy(() -> DriverManager.getConnection(otherCa, tillUser, tillPassword).close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(causes(e)).anyMatch(SSLException.class::isInstance));
            // verify-full against a name the certificate does not give (127.0.0.2, forwarded to the server) is refused
            try (Forwarder forwarder = new Forwarder("127.0.0.2", port)) {
                String wrongHost = "jdbc:postgresql://127.0.0.2:" + forwarder.port() + "/sweetshop?sslmode=verify-full&sslrootcert=" + rootCert;
                assertThatThrownBy(() -> DriverManager.getConnection(wrongHost, tillUser, tillPassword).close())
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("127.0.0.2").contains("hostname"));
                String sameServerTrusted = "jdbc:postgresql://127.0.0.2:" + forwarder.port() + "/sweetshop?sslmode=require";
                try (Connection c = DriverManager.getConnection(sameServerTrusted, tillUser, tillPassword)) {
                    assertThat(c.isValid(5)).as("the forwarder reaches the server: only the name was refused").isTrue();
                }
            }
            // from an address other than loopback's (127.0.0.2 here) pg_hba wants TLS: without it, refused
            String fromAnotherAddress = "jdbc:postgresql://127.0.0.1:" + port + "/sweetshop?localSocketAddress=127.0.0.2&sslmode=";
            assertThatThrownBy(() -> DriverManager.getConnection(fromAnotherAddress + "disable", tillUser, tillPassword).close())
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("28000");
                        assertThat(e.getMessage()).contains("127.0.0.2").contains("no encryption");
                    });
            try (Connection c = DriverManager.getConnection(fromAnotherAddress + "require", tillUser, tillPassword);
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select client_addr::text from pg_stat_activity where pid = pg_backend_pid()")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("127.0.0.2");
            }

            server.terminate(Duration.ofSeconds(60));
            // no secret where a customer or a log can read it: the server's and till add's output, the app's
            // log and PostgreSQL's log in the data directory
            List<String> secrets = List.of(ownerPassword, superuserPassword, tillPassword);
            String printed = server.stdout() + server.stderr() + addOut;
            assertThat(printed).contains("JDBC URL").contains("till t1 added");
            // (a test's JVMs write the app's log, the launcher's sweetshop.log, to target/test-logs instead)
            List<Path> logs = new ArrayList<>(logFiles());
            logs.add(appLog(server));
            logs.add(addLog);
            assertThat(logs).as("the logs looked at").anyMatch(p -> p.getFileName().toString().equals("postgres.log"));
            assertThat(Files.readString(appLog(server))).contains("embedded PostgreSQL started");
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("db/postgres.log"))).as("PostgreSQL's log: the server's alone")
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            for (String secret : secrets) {
                assertThat(printed).doesNotContain(secret);
                for (Path log : logs) {
                    assertThat(Files.readString(log)).as(log.toString()).doesNotContain(secret);
                }
            }
        }
    }

    @Test
    void serverListensWhereItIsToldAndItsTillsReachItThereVerified() throws Exception {
        // 127.0.0.2: an address of this machine other than 127.0.0.1 (the store network's stands in for it here)
        int port = freePort();
        Path till = elsewhere.resolve("till-two");
        try (JavaProcess server = startServer(port, List.of("--listen", "127.0.0.2"), Map.of())) {
            String urlLine = server.awaitLine(line -> line.contains("JDBC URL:"), START, "the JDBC URL");
            assertThat(urlLine).contains("jdbc:postgresql://127.0.0.2:" + port + "/sweetshop?sslmode=verify-full");
            server.awaitLineStartingWith("Press Ctrl+C", START);
            assertThat(ServerCertificates.names(dataDir.resolve("db/tls/server.crt"))).contains("127.0.0.2", "127.0.0.1", "localhost");
            String ownerPassword = Files.readString(dataDir.resolve("db/password")).strip();
            try (Connection owner = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/sweetshop", "sweetshop", ownerPassword)) {
                assertThat(show(owner, "listen_addresses")).as("where it is told, and loopback for itself").isEqualTo("127.0.0.1,127.0.0.2");
            }
            try (JavaProcess add = JavaProcess.start("add-t2", Launcher.class,
                    List.of("--data-dir", dataDir.toString(), "server", "till", "add", "t2", "--out", till.toString()), Map.of())) {
                assertThat(add.awaitExit(START)).as(add.stderr()).isZero();
            }
            Properties t2 = ServerFiles.properties(till.resolve("sweetshop.properties"));
            assertThat(t2.getProperty("db.url")).startsWith("jdbc:postgresql://127.0.0.2:" + port + "/sweetshop?sslmode=verify-full&sslrootcert=");
            try (Connection c = DriverManager.getConnection(tillUrl(till), t2.getProperty("db.user"), t2.getProperty("db.password"));
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select host(inet_server_addr()), (select ssl from pg_stat_ssl where pid = pg_backend_pid())")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("127.0.0.2");
                assertThat(rs.getBoolean(2)).isTrue();
            }
            // a till name the certificate does not give is refused rather than written
            try (JavaProcess add = JavaProcess.start("add-t3", Launcher.class, List.of("--data-dir", dataDir.toString(), "server", "till", "add",
                    "t3", "--out", elsewhere.resolve("till-three").toString(), "--host", "192.0.2.7"), Map.of())) {
                assertThat(add.awaitExit(START)).as(add.stderr()).isEqualTo(2);
                assertThat(add.stderr()).contains("does not name 192.0.2.7");
            }
            assertThat(elsewhere.resolve("till-three")).doesNotExist();
            server.terminate(Duration.ofSeconds(60));
        }
    }

    @Test
    void asRootPostgresRunsAsTheUnprivilegedSystemUserNotRoot() throws Exception {
        Assumptions.assumeTrue(SystemUser.runningAsRoot(), "only a server started as root has root's powers to give up");
        SystemUser user = SystemUser.find(SystemUser.DEFAULT).orElseThrow(() -> new AssertionError(
                "the system user sweetshop is missing: .ci/run makes it (useradd --system)"));
        int port = freePort();
        try (JavaProcess server = startServer(port, List.of(), Map.of())) {
            server.awaitLineStartingWith("Press Ctrl+C", START);
            assertThat(server.stdout()).contains("PostgreSQL runs as the system user sweetshop");
            long postgres = postmasterPid().orElseThrow();
            assertThat(Files.getAttribute(Path.of("/proc/" + postgres), "unix:uid")).as("the postmaster's uid").isEqualTo(user.uid());
            assertThat(Files.getAttribute(dataDir.resolve("db/pgdata"), "unix:uid")).as("pgdata's owner").isEqualTo(user.uid());
            // root's files stay root's, where that user cannot plant a link for root to follow
            for (String rootsOwn : List.of("db", "db/password", "db/superuser-password", "db/pg_hba.conf", "db/tls", "db/tls/root.key",
                    "db/owner.properties")) {
                assertThat(Files.getAttribute(dataDir.resolve(rootsOwn), "unix:uid")).as(rootsOwn).isEqualTo(0);
            }
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("db/superuser-password"))).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

            // even the superuser's COPY ... TO PROGRAM runs a shell as that user, not as uid 0
            Path uidFile = dataDir.resolve("db/pgdata/copy-program-uid");
            String superuser = Files.readString(dataDir.resolve("db/superuser-password")).strip();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", superuser);
                 Statement s = c.createStatement()) {
                s.execute("copy (select 1) to program 'id -u > " + uidFile + "'");
                // and that shell cannot write where root's files are
                assertThatThrownBy(() -> s.execute("copy (select 1) to program 'id -u > " + dataDir.resolve("db/planted") + "'"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("failed"));
            }
            assertThat(dataDir.resolve("db/planted")).doesNotExist();
            assertThat(Files.readString(uidFile).strip()).isEqualTo(Integer.toString(user.uid())).isNotEqualTo("0");
            server.terminate(Duration.ofSeconds(60));
        }
    }

    @Test
    void aPortInUseIsRefusedAtOnceWithWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            long started = System.nanoTime();
            try (JavaProcess server = startServer(taken.getLocalPort(), List.of(), Map.of())) {
                int exitCode = server.awaitExit(START);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                String err = server.stderr();
                assertThat(exitCode).as("exit code; stdout: " + server.stdout() + "; stderr: " + err).isEqualTo(5);
                assertThat(err.lines().findFirst().orElse("")).contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                        .contains("--port N");
                assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
                // not a speed figure (a JVM start is in it) but the behaviour: it did not sit out PostgreSQL's 120 s start-up wait
                assertThat(took).isLessThan(Duration.ofSeconds(30));
            }
        }
        assertThat(postmasterPid()).as("no PostgreSQL was started").isEmpty();
    }

    @Test
    void asRootWithoutTheSystemUserTheServerRefusesAndStartsNothing() throws Exception {
        Assumptions.assumeTrue(SystemUser.runningAsRoot(), "the refusal is for root");
        try (JavaProcess server = startServer(freePort(), List.of(), Map.of("SWEETSHOP_SERVER_USER", "sweetshop_absent"))) {
            int exitCode = server.awaitExit(START);
            String err = server.stderr();
            assertThat(exitCode).as("exit code; stdout: " + server.stdout() + "; stderr: " + err).isEqualTo(3);
            assertThat(err).contains("does not run PostgreSQL as root").contains("sweetshop_absent").contains("useradd --system")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(dataDir.resolve("db")).as("nothing was made").doesNotExist();
    }

    @Test
    void aKilledServerTakesItsPostgresWithItAndANextServerStartsClean() throws Exception {
        int port = freePort();
        long postgres;
        try (JavaProcess server = startServer(port, List.of(), Map.of())) {
            server.awaitLineStartingWith("Press Ctrl+C", START);
            postgres = postmasterPid().orElseThrow();
            assertThat(accepts(port)).isTrue();
            assertThat(server.kill()).isEqualTo(137);
        }
        // no orphan serving the network: the port stops accepting, within a bounded time
        Poll.until(Duration.ofSeconds(30), () -> !accepts(port) && ProcessHandle.of(postgres).map(p -> !p.isAlive()).orElse(true),
                () -> "postgres " + postgres + " alive: " + ProcessHandle.of(postgres).map(ProcessHandle::isAlive).orElse(false));

        try (JavaProcess again = startServer(port, List.of(), Map.of())) {
            again.awaitLineStartingWith("Press Ctrl+C", START);
            assertThat(again.stdout()).doesNotContain("left running");
            again.terminate(Duration.ofSeconds(60));
        }
    }

    @Test
    void aServerStartedOverAPostgresLeftRunningSaysItStoppedIt() throws Exception {
        // a postgres a killed app left running on the data directory (the single-till start-up leaves one)
        long orphan = EmbeddedAppHolder.leaveOrphanedPostgres(dataDir, START);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);
        int port = freePort();
        try (JavaProcess server = startServer(port, List.of(), Map.of())) {
            server.awaitLineStartingWith("Press Ctrl+C", START);
            assertThat(server.stdout()).contains("Found a store database (postgres pid " + orphan
                    + ") left running on this data directory by a server or app that was killed, and stopped it");
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            String ownerPassword = Files.readString(dataDir.resolve("db/password")).strip();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/sweetshop", "sweetshop", ownerPassword);
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select stock from sweet where sku = 'ORPHANED'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("the single-till data, now served by the store server").isEqualTo(5);
            }
            server.terminate(Duration.ofSeconds(60));
        }
    }

    @Test
    void aRestartedServerLogsNoPasswordEvenWithEveryStatementLoggedAndMovesABigLogAside() throws Exception {
        int port = freePort();
        try (JavaProcess server = startServer(port, List.of(), Map.of())) {
            server.awaitLineStartingWith("Press Ctrl+C", START);
            String superuser = Files.readString(dataDir.resolve("db/superuser-password")).strip();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", superuser);
                 Statement s = c.createStatement()) {
                s.execute("alter system set log_statement = 'all'");
            }
            server.terminate(Duration.ofSeconds(60));
        }
        // the first start's log, made over the limit: the next start moves it to postgres.log.1 (the
        // older copy there is replaced) and PostgreSQL writes a new one
        Path log = dataDir.resolve("db/postgres.log");
        Path old = dataDir.resolve("db/postgres.log.1");
        Files.writeString(old, "the oldest copy\n");
        assertThat(Files.readString(log)).contains("ready to accept connections");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(ServerPostmaster.LOG_LIMIT + 1);
        }
        try (JavaProcess again = startServer(port, List.of(), Map.of())) {
            again.awaitLineStartingWith("Press Ctrl+C", START);
            again.terminate(Duration.ofSeconds(60));
        }
        assertThat(Files.size(old)).isEqualTo(ServerPostmaster.LOG_LIMIT + 1);
        assertThat(new String(Files.readAllBytes(old), java.nio.charset.StandardCharsets.UTF_8))
                .contains("ready to accept connections").doesNotContain("the oldest copy");
        for (Path file : List.of(log, old)) {
            assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        String restarted = Files.readString(log);
        assertThat(Files.size(log)).isLessThan(ServerPostmaster.LOG_LIMIT);
        assertThat(restarted).as("every statement is logged").contains("revoke connect, temporary on database postgres from public")
                .contains("ready to accept connections").doesNotContain("the oldest copy");
        // the owner's password was set again at this start: neither it nor its verifier is in the log
        assertThat(restarted).doesNotContainIgnoringCase("password").doesNotContain("SCRAM-SHA-256$")
                .doesNotContain(Files.readString(dataDir.resolve("db/password")).strip())
                .doesNotContain(Files.readString(dataDir.resolve("db/superuser-password")).strip());
    }

    @Test
    void aCommandOnAStoppedServersDataDirectoryIsRefusedAndTrustsNobody() throws Exception {
        try (JavaProcess server = startServer(freePort(), List.of(), Map.of())) {
            server.awaitLineStartingWith("Press Ctrl+C", START);
            server.terminate(Duration.ofSeconds(60));
        }
        Path db = dataDir.resolve("db");
        Map<String, String> before = accessFiles(db);
        assertThat(before).containsKeys("pg_hba.conf", "superuser-password");
        // a command on that directory while the server is stopped would start it in local mode, whose
        // pg_hba trusts every user of this machine on loopback: refused, nothing started or written
        for (List<String> command : List.of(List.of("sweet", "list"), List.of("audit"))) {
            List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
            args.addAll(command);
            try (JavaProcess cli = JavaProcess.start("on-stopped-server", Launcher.class, args, Map.of())) {
                int exitCode = cli.awaitExit(START);
                assertThat(exitCode).as("exit code; stdout: " + cli.stdout() + "; stderr: " + cli.stderr()).isEqualTo(5);
                assertThat(cli.stderr()).contains("is a store server's data directory: start `sweetshop server` on it first, then run this command")
                        .doesNotContain("Exception").doesNotContain("\tat ");
            }
            assertThat(postmasterPid()).as("no postgres started").isEmpty();
            assertThat(accessFiles(db)).as("nothing rewritten").isEqualTo(before);
            assertThat(Files.readString(db.resolve("pgdata/pg_hba.conf"))).doesNotContain("written by Sweetshop");
        }
    }

    /** The files that say who may connect, and the passwords: name to contents. */
    private static Map<String, String> accessFiles(Path db) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        for (String name : List.of("pg_hba.conf", "superuser-password", "password", "pgdata/pg_hba.conf", "pgdata/postgresql.auto.conf")) {
            if (Files.isRegularFile(db.resolve(name))) {
                files.put(name, Files.readString(db.resolve(name)));
            }
        }
        assertThat(db.resolve("owner.properties")).doesNotExist();
        return files;
    }

    private JavaProcess startServer(int port, List<String> more, Map<String, String> env) {
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "server", "--port", Integer.toString(port)));
        args.addAll(more);
        return JavaProcess.start("server", Launcher.class, args, env);
    }

    private static Path appLog(JavaProcess process) {
        return Path.of("target", "test-logs", process.name() + ".log").toAbsolutePath();
    }

    private List<Path> logFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".log")).toList();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) {
            all.add(t);
        }
        return all;
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Optional<Long> postmasterPid() {
        return ServerFiles.postmasterPid(dataDir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Bytes from a loopback address other than 127.0.0.1 to the server, both ways: a till that names another host. */
    private static final class Forwarder implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();

        Forwarder(String bind, int targetPort) throws IOException {
            server = new ServerSocket(0, 10, InetAddress.getByName(bind));
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                        sockets.add(client);
                        sockets.add(target);
                        pump(client.getInputStream(), target.getOutputStream(), client, target);
                        pump(target.getInputStream(), client.getOutputStream(), client, target);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "forwarder");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private static void pump(InputStream in, OutputStream out, Socket... pair) {
            Thread t = new Thread(() -> {
                try {
                    in.transferTo(out);
                } catch (IOException ignored) {
                    // one side closed
                } finally {
                    for (Socket s : pair) {
                        try {
                            s.close();
                        } catch (IOException ignored) {
                            // closing anyway
                        }
                    }
                }
            }, "forwarder-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** The URL the till in {@code tillDir} connects with, as its configuration reads it (the CA file in its folder). */
    private static String tillUrl(Path tillDir) {
        return ConfigLoader.load(new ConfigLoader.Overrides(tillDir.toString(), null, null, null), Map.of()).dbUrl();
    }
}
