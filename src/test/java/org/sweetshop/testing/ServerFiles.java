package org.sweetshop.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** What the server and store-directory tests read off a data directory: the postgres running on it, a till's settings. */
public final class ServerFiles {

    private ServerFiles() {
    }

    /** The pid in {@code db/pgdata/postmaster.pid}: the postgres that runs (or ran) on this data directory. */
    public static Optional<Long> postmasterPid(Path dataDir) {
        Path file = dataDir.resolve("db/pgdata/postmaster.pid");
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() || lines.get(0).isBlank() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A properties file as the app reads it (e.g. the {@code sweetshop.properties} that {@code server till add} wrote). */
    public static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
