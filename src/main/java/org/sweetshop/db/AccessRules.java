package org.sweetshop.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Who may connect to the embedded PostgreSQL, and how: its {@code pg_hba.conf}, written on every start. */
final class AccessRules {

    private AccessRules() {
    }

    /** The three sets of rules. */
    enum Rules {
        /** The single-till default (and the tests): this machine only, trusted. */
        LOCAL,
        /**
         * The store server: scram-sha-256 for every connection, loopback included; the superuser
         * from this machine only, with its password; from any other address TLS only
         * ({@code hostssl}), the tills verifying the server's certificate ({@link ServerCertificates}).
         */
        SERVER,
        /**
         * The store server's first start, while the superuser has no password yet: the superuser
         * trusted on loopback, nobody else at all; replaced by {@link #SERVER} (and reloaded) as
         * soon as the superuser has a password, before the server says it runs.
         */
        SERVER_FIRST_START
    }

    /** Local mode: {@code pgdata/pg_hba.conf}, as zonky's start-up reads it. */
    static void write(Path pgData, Rules rules) {
        writeFile(pgData.resolve("pg_hba.conf"), rules);
    }

    /**
     * The store server's: {@code db/pg_hba.conf} beside {@code pgdata} (PostgreSQL's {@code hba_file}),
     * in a directory the system user PostgreSQL runs as cannot write, so that nothing it plants (a
     * symbolic link) makes root write elsewhere.
     */
    static Path serverFile(Path dbDir) {
        return dbDir.resolve("pg_hba.conf");
    }

    static void writeFile(Path file, Rules rules) {
        List<String> lines = switch (rules) {
            case LOCAL -> List.of(
                    "# written by Sweetshop on every start: local mode, this machine only",
                    "host all all 127.0.0.1/32 trust",
                    "host all all ::1/128 trust");
            case SERVER -> List.of(
                    "# written by Sweetshop on every start: store server mode, a password from everyone,",
                    "# TLS from every address but this machine's loopback",
                    "host all postgres 127.0.0.1/32 scram-sha-256",
                    "host all postgres ::1/128 scram-sha-256",
                    "host all postgres 0.0.0.0/0 reject",
                    "host all postgres ::/0 reject",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256",
                    "hostssl all all 0.0.0.0/0 scram-sha-256",
                    "hostssl all all ::/0 scram-sha-256",
                    "hostnossl all all 0.0.0.0/0 reject",
                    "hostnossl all all ::/0 reject");
            case SERVER_FIRST_START -> List.of(
                    "# written by Sweetshop: store server's first start, until the superuser has a password",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all all 0.0.0.0/0 reject",
                    "host all all ::/0 reject");
        };
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatabaseStartException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
