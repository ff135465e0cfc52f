package org.sweetshop.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * The embedded database as the store's server ({@code sweetshop server}): finding the one running on
 * a data directory, the addresses tills reach it on, and closing the first start's door (the
 * superuser's password, scram-sha-256 for everyone). Starting and stopping it is
 * {@link EmbeddedDatabase}'s.
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

    /** Addresses other machines can use to reach a server listening on {@code listen}. */
    public static List<String> reachableHosts(String listen) {
        if (!listen.equals("*") && !listen.equals("0.0.0.0") && !listen.equals("::")) {
            return List.of(listen);
        }
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
     * A first server start: gives the superuser a password (kept for the next starts), then
     * rewrites pg_hba.conf to scram-sha-256 for everyone and reloads it before anyone is told the
     * server runs.
     */
    static void closeTheFirstStartDoor(EmbeddedPostgres postgres, Path dbDir, Path pgData) throws SQLException, IOException {
        String superuser = OwnerFiles.generatePassword();
        OwnerFiles.writeSuperuserPassword(dbDir, superuser);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter role postgres password '" + superuser + "'");
            AccessRules.write(pgData, AccessRules.Rules.SERVER);
            s.execute("select pg_reload_conf()");
        }
    }
}
