package org.sweetshop.db;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's files beside {@code pgdata} in {@code <data-dir>/db}:
 * {@code owner.properties} (the owning process's pid and port, written atomically once it is ready)
 * and {@code password} (the app role's password, generated once, mode 600).
 */
final class OwnerFiles {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerFiles.class);

    private OwnerFiles() {
    }

    static Optional<Properties> readOwner(Path dbDir) {
        Path file = dbDir.resolve("owner.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(properties);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // being written; the caller polls again
        }
    }

    static void writeOwner(Path dbDir, int port, EmbeddedDatabase.Mode mode, String listen) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("mode", mode.name());
        properties.setProperty("listen", listen);
        properties.setProperty("started", Instant.now().toString());
        properties.setProperty("ready", "true");
        Path tmp = dbDir.resolve("owner.properties.tmp");
        try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            properties.store(writer, "the process that runs this embedded database");
        }
        try {
            Files.move(tmp, dbDir.resolve("owner.properties"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dbDir.resolve("owner.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static Optional<String> readPassword(Path dbDir) {
        Path file = dbDir.resolve("password");
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new DatabaseStartException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void writePassword(Path dbDir, String password) throws IOException {
        Path file = dbDir.resolve("password");
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("no POSIX permissions here; {} keeps the OS default", file);
        }
    }

    static Optional<String> readSuperuserPassword(Path dbDir) {
        Path file = dbDir.resolve("superuser-password");
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new DatabaseStartException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The superuser's password, for the server's own start-up and administration only (mode 600). */
    static void writeSuperuserPassword(Path dbDir, String password) throws IOException {
        Path file = dbDir.resolve("superuser-password");
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }

    static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
