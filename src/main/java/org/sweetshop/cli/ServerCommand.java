package org.sweetshop.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.sweetshop.AppContext;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;
import org.sweetshop.config.AppConfig;
import org.sweetshop.config.ConfigLoader;
import org.sweetshop.db.Database;
import org.sweetshop.db.EmbeddedDatabase;
import org.sweetshop.db.ServerCertificates;
import org.sweetshop.db.StoreServer;
import org.sweetshop.db.SystemUser;
import org.sweetshop.db.TillRoles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "server", description = {"Runs the embedded store database for the other tills: password authentication, TLS,",
        "on 127.0.0.1 unless --listen says otherwise; as root, PostgreSQL runs as the system user sweetshop (SWEETSHOP_SERVER_USER).",
        "Each till gets its own credentials: `server till add NAME --out DIR`, revoked alone with `server till revoke NAME`.",
        "Stops on Ctrl+C."}, subcommands = ServerCommand.Till.class)
final class ServerCommand extends CliCommand {

    private static final Pattern LISTEN = Pattern.compile("[A-Za-z0-9.:*_-]{1,100}");

    @Option(names = "--port", defaultValue = "5432", paramLabel = "N", description = "default: 5432")
    int port;

    @Option(names = "--listen", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "default: 127.0.0.1 (this machine only); the store network: this machine's LAN address, or 0.0.0.0 for all")
    String listen;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = cli().config();
        if (!config.embedded()) {
            throw new InvalidInputException("db", "the server runs the embedded database of the data directory: leave out --db and SWEETSHOP_DB_URL");
        }
        Texts.requireRange("port", port, 1, 65535);
        String address = StoreServer.checkListen(listen);
        // never PostgreSQL with root's powers: as root it runs as an unprivileged system user, or not at all
        Optional<SystemUser> runAs = StoreServer.systemUserForRoot(cli().env.get("SWEETSHOP_SERVER_USER"));
        String password = cli().env.get("SWEETSHOP_DB_PASSWORD");
        EmbeddedDatabase database = EmbeddedDatabase.startOrJoin(config.dataDir(),
                EmbeddedDatabase.Options.server(port, address, password).runningAs(runAs.orElse(null)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            database.close();
            stopped.countDown();
        }, "sweetshop-server-stop"));
        var endpoint = database.endpoint();
        Database.migrate(AppContext.settings(config, endpoint.jdbcUrl(), endpoint.user(), endpoint.password()));

        // never a password: the owner's stays in the data directory (mode 600), each till gets its own
        var out = out();
        database.stoppedOrphan().ifPresent(pid -> out.println("Found a store database (postgres pid " + pid
                + ") left running on this data directory by a server or app that was killed, and stopped it before starting."));
        out.println("Sweetshop store database running (data in " + config.dataDir() + ")"
                + runAs.map(u -> "; PostgreSQL runs as the system user " + u.name()).orElse(""));
        List<String> hosts = StoreServer.reachableHosts(address);
        if (hosts.isEmpty()) {
            hosts = List.of("<this machine's address>");
        }
        Path rootCert = ServerCertificates.rootCertificate(config.dataDir().resolve("db"));
        for (String host : hosts) {
            out.println("  JDBC URL: " + StoreServer.jdbcUrl(host, port, rootCert));
        }
        out.println("  TLS: tills verify the server against the store's certificate authority " + rootCert
                + " (`server till add` gives each till a copy)");
        out.println("  schema owner: " + endpoint.user() + " (migrations and `server till` only; its password "
                + (password != null ? "is SWEETSHOP_DB_PASSWORD" : "is kept in " + config.dataDir().resolve("db").resolve("password")) + ")");
        out.println("Add a till (its own user and password, in DIR/sweetshop.properties; then run `sweetshop --data-dir DIR` there):");
        out.println("  sweetshop --data-dir " + config.dataDir() + " server till add NAME --out DIR");
        out.println("Revoke one: sweetshop --data-dir " + config.dataDir() + " server till revoke NAME");
        out.println("Press Ctrl+C to stop.");
        out.flush();
        stopped.await();
        return Cli.OK;
    }

    /** {@code server till add|revoke}: run with the store's --data-dir while the server runs. */
    @Command(name = "till", description = "Gives a till its own database credentials, or takes them back.",
            subcommands = {Till.Add.class, Till.Revoke.class})
    static final class Till extends CliCommand {

        @Override
        public Integer call() {
            throw new InvalidInputException("till", "say `server till add NAME --out DIR` or `server till revoke NAME`");
        }

        static StoreServer.RunningServer server(CliCommand command) {
            AppConfig config = command.cli().config();
            if (!config.embedded()) {
                throw new InvalidInputException("db", "`server till` works on the store server's --data-dir: leave out --db and SWEETSHOP_DB_URL");
            }
            return StoreServer.runningServer(config.dataDir(), command.cli().env.get("SWEETSHOP_DB_PASSWORD"));
        }

        static Connection owner(StoreServer.RunningServer server) {
            var endpoint = server.owner();
            try {
                Connection c = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
                c.setAutoCommit(true);
                return c;
            } catch (SQLException e) {
                throw new DatabaseUnreachableException("store database unreachable at " + endpoint.jdbcUrl() + ": " + e.getMessage(), e);
            }
        }

        @Command(name = "add", description = {"Makes the till's own database role (a member of sweetshop_till, or of",
                "sweetshop_office with --office) with a new password, and writes DIR/sweetshop.properties (mode 600)",
                "with its URL, user and password: `sweetshop --data-dir DIR` is then that till. Adding a till again",
                "gives it a new password (the old one stops working)."})
        static final class Add extends CliCommand {

            @Parameters(index = "0", paramLabel = "NAME", description = "lower-case letters, digits and _, e.g. t1")
            String name;

            @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the till's sweetshop.properties goes")
            Path outDir;

            @Option(names = "--host", paramLabel = "HOST", description = "the server's address as the till reaches it (default: where it listens)")
            String host;

            @Option(names = "--office", description = "a back office: the till's rights and the catalogue, staff, coupons, promos, imports")
            boolean office;

            @Override
            public Integer call() {
                String role = TillRoles.roleOf(name);
                var server = server(this);
                Path rootCert = ServerCertificates.rootCertificate(cli().config().dataDir().resolve("db"));
                Set<String> names = ServerCertificates.names(rootCert.resolveSibling("server.crt"));
                String address = host != null ? ServerCertificates.canonicalIp(Texts.requireCode("host", host, LISTEN, "an IP address or a host name"))
                        : StoreServer.reachableHosts(server.listen()).stream().findFirst().orElse("localhost");
                if (!names.contains(address)) {
                    throw new InvalidInputException("host", "the server's certificate does not name " + address + " (it names "
                            + String.join(", ", names) + "), so a till would refuse it: start the server with --listen " + address);
                }
                Path tillCert = outDir.toAbsolutePath().resolve("root.crt");
                String url = StoreServer.jdbcUrl(address, server.owner().port(), tillCert.getFileName().toString());
                String password = TillRoles.newPassword();
                Path file = outDir.resolve(ConfigLoader.PROPERTIES_FILE);
                try {
                    Files.createDirectories(outDir);
                    Files.copy(rootCert, tillCert, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new InvalidInputException("out", "cannot write " + tillCert + ": " + e.getMessage());
                }
                try (Connection c = owner(server)) {
                    TillRoles.add(c, name, password, office);
                } catch (SQLException e) {
                    throw new DatabaseUnreachableException("cannot make the till's role: " + e.getMessage(), e);
                }
                try {
                    writeProperties(file, url, role, password);
                } catch (IOException e) {
                    throw new InvalidInputException("out", "cannot write " + file + ": " + e.getMessage());
                }
                out().println("till " + name + " added: " + file + " (user " + role + (office ? ", back office" : "") + ", " + url + ")");
                out().println("The till verifies the server with " + tillCert + "; keep the two files together at that path on the till.");
                out().println("On that till: sweetshop --data-dir " + outDir);
                out().flush();
                return Cli.OK;
            }

            /** Written to a file made with mode 600 from the start, then moved into place. */
            private static void writeProperties(Path file, String url, String user, String password) throws IOException {
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.deleteIfExists(tmp);
                try {
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(tmp);
                } catch (FileAlreadyExistsException e) {
                    throw new IOException("another `server till add` is writing it", e);
                }
                Properties properties = new Properties();
                properties.setProperty("db.url", url);
                properties.setProperty("db.user", user);
                properties.setProperty("db.password", password);
                try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    properties.store(writer, "this till's own store database credentials (sweetshop server till add); keep private");
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }

        @Command(name = "revoke", description = "The till's credentials stop working at once: it can no longer log in, and its open sessions are ended.")
        static final class Revoke extends CliCommand {

            @Parameters(index = "0", paramLabel = "NAME")
            String name;

            @Override
            public Integer call() {
                TillRoles.roleOf(name);
                int ended;
                try (Connection c = owner(server(this))) {
                    ended = TillRoles.revoke(c, name);
                } catch (SQLException e) {
                    throw new DatabaseUnreachableException("cannot revoke the till's role: " + e.getMessage(), e);
                }
                out().println("till " + name + " revoked: its credentials no longer work (" + ended + " open session(s) ended)");
                out().flush();
                return Cli.OK;
            }
        }
    }
}
