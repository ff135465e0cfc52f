package org.sweetshop.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * The embedded database as the store's server ({@code sweetshop server}): finding the one running on
 * a data directory, the addresses tills reach it on, and closing the first start's door (the
 * superuser's password, scram-sha-256 for everyone), and how it starts: never as root, on the
 * address it is told, with TLS. Owning, joining and stopping it is {@link EmbeddedDatabase}'s.
 */
public final class StoreServer {

    private StoreServer() {
    }

    /** The running store server of a data directory, as its owner reaches it, and where it listens. */
    public record RunningServer(EmbeddedDatabase.Endpoint owner, String listen) {
    }

    /**
     * The store server ({@code sweetshop server}) running on {@code dataDir}, reached as the schema's
     * owner with the password kept in the data directory; refused when no server runs there.
     */
    public static RunningServer runningServer(Path dataDir, String ownerPassword) {
        Path dbDir = dataDir.resolve("db");
        Properties owner = OwnerFiles.readOwner(dbDir).orElse(null);
        boolean alive = owner != null && "true".equals(owner.getProperty("ready"))
                && ProcessHandle.of(Long.parseLong(owner.getProperty("pid", "-1"))).map(ProcessHandle::isAlive).orElse(false);
        if (!alive || !EmbeddedDatabase.Mode.SERVER.name().equals(owner.getProperty("mode"))) {
            throw new DatabaseStartException("no store server runs on " + dataDir + ": start `sweetshop server` there first", null);
        }
        String password = ownerPassword != null ? ownerPassword : OwnerFiles.readPassword(dbDir).orElseThrow(() -> new DatabaseStartException(
                "the owner's password is not in " + dbDir + " (a server started with SWEETSHOP_DB_PASSWORD: set it here too)", null));
        return new RunningServer(EmbeddedDatabase.endpoint(Integer.parseInt(owner.getProperty("port")), password), owner.getProperty("listen", "localhost"));
    }

    /** A till's URL: TLS, the server verified against the store's CA ({@code rootCert}) and by name. */
    public static String jdbcUrl(String host, int port, Path rootCert) {
        return jdbcUrl(host, port, rootCert.toAbsolutePath().toString());
    }

    /**
     * As {@link #jdbcUrl(String, int, Path)} with the CA named as written: a relative name is read
     * from the till's data directory (config.ConfigLoader), so a till's folder can move.
     */
    public static String jdbcUrl(String host, int port, String rootCert) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + EmbeddedDatabase.DATABASE
                + "?sslmode=verify-full&sslrootcert=" + rootCert;
    }

    /** Addresses other machines can use to reach a server listening on {@code listen}. */
    public static List<String> reachableHosts(String listen) {
        if (!listen.equals("*") && !listen.equals("0.0.0.0") && !listen.equals("::")) {
            return List.of(listen);
        }
        // every address of this machine but loopback's (which the certificate names anyway)
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(n -> {
                        try {
                            return n.isUp() && !n.isLoopback();
                        } catch (SocketException e) {
                            return false;
                        }
                    })
                    .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                    .filter(a -> a instanceof java.net.Inet4Address)
                    .map(InetAddress::getHostAddress)
                    .sorted()
                    .toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    /**
     * Starts the server's PostgreSQL ({@link ServerPostmaster}): never as root (as {@code options.runAs()}
     * when this process is root), listening where it is told, with TLS on ({@link ServerCertificates})
     * and {@link AccessRules}' scram-only, TLS-for-the-network {@code pg_hba.conf}.
     */
    static EmbeddedDatabase.Postmaster start(Path dbDir, Path pgData, int port, EmbeddedDatabase.Options options) throws IOException {
        Optional<SystemUser> runAs = Optional.ofNullable(options.runAs());
        if (runAs.isEmpty() && SystemUser.runningAsRoot()) {
            throw refuseRoot(SystemUser.DEFAULT);
        }
        requirePortFree(options.listen(), port);
        // the superuser has a password of its own (kept in db/superuser-password, mode 600) and pg_hba
        // wants scram-sha-256 from everyone; a data directory whose superuser has none yet (a first
        // server start) trusts the superuser on loopback alone until it has one, moments later
        Optional<String> superuserPassword = OwnerFiles.readSuperuserPassword(dbDir);
        AccessRules.Rules rules = superuserPassword.isPresent() ? AccessRules.Rules.SERVER : AccessRules.Rules.SERVER_FIRST_START;
        Path tls = ServerCertificates.directory(dbDir);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", listenAddresses(options.listen()));
        settings.put("hba_file", AccessRules.serverFile(dbDir).toAbsolutePath().toString());
        settings.put("unix_socket_directories", "");
        settings.put("max_connections", "200");
        settings.put("password_encryption", "scram-sha-256");
        settings.put("timezone", "UTC");
        settings.put("ssl", "on");
        settings.put("ssl_cert_file", tls.resolve("server.crt").toAbsolutePath().toString());
        settings.put("ssl_key_file", tls.resolve("server.key").toAbsolutePath().toString());
        settings.put("ssl_min_protocol_version", "TLSv1.2");
        settings.put("fsync", options.durable() ? "on" : "off");
        settings.put("synchronous_commit", options.durable() ? "on" : "off");
        settings.put("full_page_writes", options.durable() ? "on" : "off");
        ServerPostmaster postmaster = ServerPostmaster.start(dbDir, pgData, port, settings, runAs, superuserPassword.orElse(null),
                Duration.ofSeconds(120), dir -> {
                    AccessRules.writeFile(AccessRules.serverFile(dbDir), rules);
                    ServerCertificates.ensure(dbDir, certificateHosts(options.listen()));
                    runAs.ifPresent(user -> user.mayRead(ServerCertificates.directory(dbDir).resolve("server.key")));
                });
        return new EmbeddedDatabase.Postmaster() {
            @Override
            public Connection superuser() throws SQLException {
                return postmaster.superuser();
            }

            @Override
            public void close() {
                postmaster.close();
            }
        };
    }

    /**
     * Refused before anything on disk changes: a store server's data directory (its superuser has a
     * password, or its pg_hba.conf is beside pgdata) is never started in local mode, whose pg_hba
     * trusts every user of this machine on loopback (the superuser's {@code COPY ... TO PROGRAM}).
     * A command run on it while the server is stopped is told to start the server, then join it.
     */
    static void refuseLocalStart(Path dataDir, Path dbDir) {
        if (Files.exists(dbDir.resolve("superuser-password")) || Files.exists(AccessRules.serverFile(dbDir))) {
            throw new DatabaseStartException(dataDir + " is a store server's data directory: start `sweetshop server` on it first, "
                    + "then run this command", null);
        }
    }

    /** Refused: PostgreSQL is not run with root's powers, and the user to run it as is missing. */
    public static NotPermittedException refuseRoot(String user) {
        return new NotPermittedException("`sweetshop server` does not run PostgreSQL as root, and the system user " + user
                + " to run it as does not exist: create it (useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "
                + user + "), name another with SWEETSHOP_SERVER_USER, or start the server as an unprivileged user");
    }

    /**
     * The system user PostgreSQL runs as when this process is root ({@code name}, default
     * {@link SystemUser#DEFAULT}); empty when it is not root (PostgreSQL runs as this user). Refused
     * when root and the user does not exist.
     */
    public static Optional<SystemUser> systemUserForRoot(String name) {
        if (!SystemUser.runningAsRoot()) {
            return Optional.empty();
        }
        String user = name == null || name.isBlank() ? SystemUser.DEFAULT : name.strip();
        return Optional.of(SystemUser.find(user).orElseThrow(() -> refuseRoot(user)));
    }

    /**
     * Checks a {@code --listen} address: {@code *}, {@code 0.0.0.0}, {@code ::}, {@code localhost} or an
     * IP address of this machine (no name is looked up). Returns it as PostgreSQL wants it.
     */
    public static String checkListen(String listen) {
        String text = listen == null ? "" : listen.strip();
        if (text.equals("*") || text.equals("0.0.0.0") || text.equals("::") || text.equals("localhost")) {
            return text;
        }
        boolean ipv4 = text.matches("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
        boolean ipv6 = text.matches("[0-9A-Fa-f:]{2,39}") && text.contains(":");
        if (!ipv4 && !ipv6) {
            throw new InvalidInputException("listen", "--listen wants an IP address of this machine, 0.0.0.0 (every IPv4 address), "
                    + "* or localhost, not '" + org.sweetshop.common.Texts.shorten(text) + "'");
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            if (!address.isLoopbackAddress() && NetworkInterface.getByInetAddress(address) == null) {
                throw new InvalidInputException("listen", "--listen " + text + " is not an address of this machine: give one of its own "
                        + "(ip address shows them), or 0.0.0.0 for all");
            }
            return address.getHostAddress().equals("0:0:0:0:0:0:0:1") ? "::1" : text;
        } catch (IOException e) {
            throw new InvalidInputException("listen", "--listen " + text + " is not an IP address");
        }
    }

    /**
     * Refuses at once when something already listens on the server's port, where PostgreSQL would
     * only say so after its whole start-up wait: another PostgreSQL, or a store server already
     * running on another data directory. Loopback is tried always (the server's own start-up
     * connects there), and the address it is told to listen on.
     */
    static void requirePortFree(String listen, int port) {
        List<String> hosts = new java.util.ArrayList<>(List.of("127.0.0.1"));
        String told = switch (listen == null ? "localhost" : listen) {
            case "*", "0.0.0.0" -> "0.0.0.0";
            case "localhost", "127.0.0.1" -> null;
            default -> listen;
        };
        if (told != null) {
            hosts.add(told);
        }
        for (String host : hosts) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);   // as PostgreSQL binds: a port left in TIME_WAIT is free
                probe.bind(new java.net.InetSocketAddress(host, port));
            } catch (IOException e) {
                throw new DatabaseStartException("port " + port + " on " + host + " is already in use (another PostgreSQL or store "
                        + "server?): stop it, or give --port N", e);
            }
        }
    }

    /**
     * PostgreSQL's {@code listen_addresses}: where it is told, and loopback always (the server's own
     * start-up, `server till` and the commands that join it connect there).
     */
    static String listenAddresses(String listen) {
        return switch (listen) {
            case "*", "0.0.0.0", "127.0.0.1", "localhost" -> listen;
            default -> "127.0.0.1," + listen;
        };
    }

    /** The names the server's certificate gives besides 127.0.0.1, localhost and ::1. */
    static List<String> certificateHosts(String listen) {
        return listen.equals("localhost") ? List.of() : reachableHosts(listen).stream().map(ServerCertificates::canonicalIp).toList();
    }

    /** After start-up: tills reach the store's database only; a first start gets the superuser its password. */
    static void prepare(EmbeddedDatabase.Postmaster postgres, Path dbDir, Path pgData) throws SQLException, IOException {
        boolean firstStart = OwnerFiles.readSuperuserPassword(dbDir).isEmpty();
        try (Connection c = postgres.superuser(); Statement s = c.createStatement()) {
            s.execute("revoke connect, temporary on database postgres from public");
            s.execute("revoke connect, temporary on database template1 from public");
            if (firstStart) {
                closeTheFirstStartDoor(c, dbDir, pgData);
            }
        }
    }

    /**
     * A first server start: gives the superuser a password (kept for the next starts), then
     * rewrites pg_hba.conf to scram-sha-256 for everyone and reloads it before anyone is told the
     * server runs.
     */
    private static void closeTheFirstStartDoor(Connection c, Path dbDir, Path pgData) throws SQLException, IOException {
        String superuser = OwnerFiles.generatePassword();
        OwnerFiles.writeSuperuserPassword(dbDir, superuser);
        // hashed here (SCRAM): the password itself never reaches the server, nor a log of it
        c.unwrap(PGConnection.class).alterUserPassword("postgres", superuser.toCharArray(), "scram-sha-256");
        AccessRules.writeFile(AccessRules.serverFile(dbDir), AccessRules.Rules.SERVER);
        try (Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        }
    }
}
