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

    /**
     * Local mode trusts this machine only; server mode wants a password from every connection,
     * except the superuser from this machine (the start-up check and administration).
     */
    static void write(Path pgData, EmbeddedDatabase.Mode mode) {
        List<String> lines = mode == EmbeddedDatabase.Mode.LOCAL
                ? List.of(
                        "# written by Sweetshop on every start: local mode, this machine only",
                        "host all all 127.0.0.1/32 trust",
                        "host all all ::1/128 trust")
                : List.of(
                        "# written by Sweetshop on every start: store server mode",
                        "host all postgres 127.0.0.1/32 trust",
                        "host all postgres ::1/128 trust",
                        "host all postgres 0.0.0.0/0 reject",
                        "host all postgres ::/0 reject",
                        "host all all 0.0.0.0/0 scram-sha-256",
                        "host all all ::/0 scram-sha-256");
        try {
            Files.write(pgData.resolve("pg_hba.conf"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatabaseStartException("cannot write pg_hba.conf in " + pgData + ": " + e.getMessage(), e);
        }
    }
}
