package org.sweetshop.backup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.audit.AuditReport;
import org.sweetshop.audit.AuditService;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.db.BackupManifest;
import org.sweetshop.db.Database;
import org.sweetshop.db.DatabaseBackup;
import org.sweetshop.db.DatabaseStartException;
import org.sweetshop.db.EmbeddedDatabase;

/**
 * Restores a backup into a fresh data directory: the file is checked first (a zip with a
 * manifest naming every table's entry); the directory must be new or empty; then the embedded
 * PostgreSQL is started there, the schema migrated to exactly the backup's version, the rows
 * loaded in one transaction ({@link DatabaseBackup#load}: tables emptied, copied in dependency
 * order with every constraint checked, counts and checksums compared, sequences set), the schema
 * migrated on to this app's version, and the audit run. Whatever fails before the rows are
 * committed leaves the directory as it was found (removed when the restore made it, emptied when
 * it was an empty folder).
 *
 * <p>No trigger is disabled: the schema's triggers refuse updates and deletes of the audit log
 * (a load only inserts; {@code truncate} fires no row trigger) and notify tills of changed sweets
 * (nobody listens to a database that is being restored). Foreign keys and checks stay on, so a
 * damaged file cannot load rows that break them.
 */
public final class Restore {

    private static final Logger LOG = LoggerFactory.getLogger(Restore.class);
    private static final String LOGS = "logs";

    private Restore() {
    }

    /**
     * @throws InvalidInputException when the file is missing, not a backup, damaged, or of a
     *                               schema this app does not know, or {@code dataDir} already
     *                               holds something; nothing is left in {@code dataDir} then
     */
    public static RestoreResult into(Path file, Path dataDir, EmbeddedDatabase.Options options) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new InvalidInputException("from", "cannot restore " + file + ": no such file");
        }
        boolean made = requireFresh(dataDir);
        try (ZipFile zip = open(file)) {
            BackupManifest manifest = manifest(file, zip);
            String current;
            AuditReport audit;
            try (EmbeddedDatabase db = EmbeddedDatabase.startOrJoin(dataDir, options)) {
                var endpoint = db.endpoint();
                Database.Settings settings = new Database.Settings(endpoint.jdbcUrl(), endpoint.user(), endpoint.password(), 2,
                        5000, 10000);
                migrateTo(file, settings, manifest.schemaVersion());
                load(file, zip, manifest, endpoint);
                Database.migrate(settings);
                PGSimpleDataSource dataSource = new PGSimpleDataSource();
                dataSource.setUrl(endpoint.jdbcUrl());
                dataSource.setUser(endpoint.user());
                dataSource.setPassword(endpoint.password());
                try (Connection c = dataSource.getConnection()) {
                    current = DatabaseBackup.schemaVersion(c);
                }
                audit = new AuditService(dataSource).run();
            }
            LOG.info("restored {} into {} (schema {} -> {}), audit {}", file, dataDir, manifest.schemaVersion(), current,
                    audit.ok() ? "passed" : "FAILED");
            return new RestoreResult(dataDir, manifest.createdAt(), manifest.schemaVersion(), current, manifest.rowCounts(), audit);
        } catch (IOException | SQLException | RuntimeException e) {
            clean(dataDir, made);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new InvalidInputException("from", "cannot restore " + file + ": " + e.getMessage());
        }
    }

    /** True when this restore creates the folder; refuses one that holds anything. */
    private static boolean requireFresh(Path dataDir) {
        if (dataDir == null) {
            throw new InvalidInputException("data-dir", "name the new data directory to restore into (--data-dir DIR)");
        }
        if (!Files.exists(dataDir)) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new InvalidInputException("data-dir", "cannot create " + dataDir + ": " + e.getMessage());
            }
            return true;
        }
        if (!Files.isDirectory(dataDir)) {
            throw new InvalidInputException("data-dir", "cannot restore into " + dataDir + ": it is not a folder");
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            // the launcher points the log at the data directory before any command runs
            if (entries.anyMatch(e -> !(e.getFileName().toString().equals(LOGS) && Files.isDirectory(e)))) {
                throw new InvalidInputException("data-dir", "cannot restore into " + dataDir
                        + ": it is not empty (it may hold a store); restore into a new folder");
            }
        } catch (IOException e) {
            throw new InvalidInputException("data-dir", "cannot read " + dataDir + ": " + e.getMessage());
        }
        return false;
    }

    private static ZipFile open(Path file) {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new InvalidInputException("from", "cannot restore " + file + ": not a Sweetshop backup, or a damaged or"
                    + " incomplete one (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InvalidInputException("from", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static BackupManifest manifest(Path file, ZipFile zip) throws IOException {
        try {
            return DatabaseBackup.readManifest(zip);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("from", "cannot restore " + file + ": not a Sweetshop backup, or a damaged one: "
                    + e.getMessage());
        }
    }

    private static void migrateTo(Path file, Database.Settings settings, String version) {
        try {
            Database.migrate(settings, version);
        } catch (DatabaseStartException e) {
            throw new InvalidInputException("from", "cannot restore " + file + ": its schema version " + version
                    + " is not one this app knows (a backup of a newer app?): " + e.getMessage());
        }
    }

    private static void load(Path file, ZipFile zip, BackupManifest manifest, EmbeddedDatabase.Endpoint endpoint)
            throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password())) {
            c.setAutoCommit(false);
            try {
                DatabaseBackup.load(c, zip, manifest);
                c.commit();
            } catch (IllegalArgumentException e) {
                c.rollback();
                throw new InvalidInputException("from", "cannot restore " + file + ": " + e.getMessage());
            } catch (ZipException e) {
                c.rollback();
                throw new InvalidInputException("from", "cannot restore " + file + ": the file is damaged (" + e.getMessage() + ")");
            } catch (SQLException e) {
                c.rollback();
                throw new InvalidInputException("from", "cannot restore " + file + ": its rows do not load (" + e.getMessage()
                        + "); the file is damaged or not of this schema");
            } catch (IOException e) {
                c.rollback();
                throw new InvalidInputException("from", "cannot restore " + file + ": the file is damaged (" + e.getMessage() + ")");
            }
        }
    }

    /**
     * Leaves the data directory as the restore found it: removed when the restore made it, else
     * emptied, but for the log of this attempt ({@code logs/}, which says why it failed).
     */
    private static void clean(Path dataDir, boolean made) {
        Path logs = dataDir.resolve(LOGS);
        try {
            Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return d.equals(logs) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (!d.equals(dataDir) || (made && !Files.exists(logs))) {
                        Files.delete(d);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            LOG.warn("cannot clean up {} after a failed restore", dataDir, e);
        }
    }
}
