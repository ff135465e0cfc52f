package org.sweetshop.db;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.postgresql.core.BaseConnection;

/**
 * A logical backup over SQL, for any PostgreSQL the app can reach: the embedded binaries have no
 * {@code pg_dump}, and Debian's older client tools cannot dump a PostgreSQL 17 server.
 *
 * <p>{@link #snapshot} makes the connection's transaction {@code REPEATABLE READ, READ ONLY} (it
 * must be the transaction's first statement); {@link #dump} then finds every table of the
 * schema (but Flyway's history) in the catalogue, orders them so that each comes after the tables
 * it references, and streams each with {@code COPY ... TO STDOUT} (text format, exact for every
 * type) into its own zip entry, then writes the {@link BackupManifest}. Every table comes from
 * the one snapshot taken at the dump's first query: each transaction committed before it is in
 * the file whole, none committed later is in it at all. Sequences are not transactional: their
 * values are read after the rows, so they are at least what any row in the file used.
 *
 * <p>{@link #load} is the way back, into an empty schema at the backup's version. It knows no
 * feature: the tables come from the manifest and the catalogue.
 */
public final class DatabaseBackup {

    private static final String HISTORY = "flyway_schema_history";

    private DatabaseBackup() {
    }

    /** Starts the transaction's one snapshot: call first, before any other statement of it. */
    public static void snapshot(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set transaction isolation level repeatable read, read only");
        }
    }

    /**
     * Writes every table and the manifest into {@code zip}. The first query takes the snapshot, so
     * {@link #snapshot} must have run in this transaction.
     */
    public static BackupManifest dump(Connection c, ZipOutputStream zip, Map<String, String> info, Instant createdAt)
            throws SQLException, IOException {
        String schemaVersion = schemaVersion(c);
        List<String> tables = tablesInLoadOrder(c);
        CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
        List<BackupManifest.Table> copied = new ArrayList<>();
        int n = 0;
        for (String table : tables) {
            List<String> columns = columns(c, table);
            String entry = String.format("tables/%02d-%s.tsv", ++n, table);
            zip.putNextEntry(new ZipEntry(entry));
            MessageDigest sha = sha256();
            long rows;
            try (OutputStream out = new DigestOutputStream(new KeepOpen(zip), sha)) {
                rows = copyOut(copy, "copy " + table + " (" + String.join(", ", columns) + ") to stdout", out);
            }
            zip.closeEntry();
            copied.add(new BackupManifest.Table(table, columns, rows, entry, HexFormat.of().formatHex(sha.digest())));
        }
        Map<String, String> facts = new java.util.LinkedHashMap<>(info);
        facts.put("postgres", serverVersion(c));
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, createdAt, schemaVersion, facts, List.copyOf(copied),
                sequences(c));
        zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
        manifest.write(new KeepOpen(zip));
        zip.closeEntry();
        return manifest;
    }

    /**
     * Streams one {@code COPY ... TO STDOUT} into {@code out}. When {@code out} fails (the disk is
     * full) the rest of the copy is still read and dropped, so the connection's protocol ends
     * cleanly and it goes back to the pool usable; then the failure is thrown. (pgjdbc's
     * {@code copyOut(sql, OutputStream)} cancels the copy instead, which leaves the connection
     * unusable for its next query.)
     */
    private static long copyOut(CopyManager copy, String sql, OutputStream out) throws SQLException, IOException {
        CopyOut copyOut = copy.copyOut(sql);
        IOException failed = null;
        byte[] buffer;
        while ((buffer = copyOut.readFromCopy()) != null) {
            if (failed == null) {
                try {
                    out.write(buffer);
                } catch (IOException e) {
                    failed = e;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return copyOut.getHandledRowCount();
    }

    /**
     * Reads and checks a backup's manifest: it is there, well formed, and every table it names has
     * its entry in the file.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static BackupManifest readManifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new IllegalArgumentException("it holds no " + BackupManifest.ENTRY);
        }
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = BackupManifest.read(in);
        }
        for (BackupManifest.Table t : manifest.tables()) {
            if (zip.getEntry(t.entry()) == null) {
                throw new IllegalArgumentException("the data of table " + t.name() + " (" + t.entry() + ") is missing");
            }
        }
        return manifest;
    }

    /**
     * Loads a backup into this connection's schema, which must be at the backup's schema version,
     * in the caller's transaction: every table is emptied ({@code truncate}: rows made by the
     * migrations themselves, such as the store row, go), copied in ({@code COPY ... FROM STDIN}:
     * constraints and foreign keys are checked as rows arrive, row triggers fire), its row count
     * and hash checked against the manifest; then every sequence is set to its value.
     *
     * @throws IllegalArgumentException when the file does not match its manifest or the schema
     */
    public static void load(Connection c, ZipFile zip, BackupManifest manifest) throws SQLException, IOException {
        String version = schemaVersion(c);
        if (!manifest.schemaVersion().equals(version)) {
            throw new IllegalArgumentException("the backup is of schema version " + manifest.schemaVersion()
                    + " but the database is at " + version);
        }
        Set<String> expected = new TreeSet<>(tablesInLoadOrder(c));
        Set<String> inFile = new TreeSet<>(manifest.tables().stream().map(BackupManifest.Table::name).toList());
        if (!expected.equals(inFile)) {
            throw new IllegalArgumentException("the backup's tables " + inFile + " are not the schema's " + expected);
        }
        try (Statement s = c.createStatement()) {
            s.execute("truncate table " + String.join(", ", inFile));
        }
        CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
        for (BackupManifest.Table t : manifest.tables()) {
            MessageDigest sha = sha256();
            long rows;
            try (InputStream in = new DigestInputStream(zip.getInputStream(zip.getEntry(t.entry())), sha)) {
                rows = copy.copyIn("copy " + t.name() + " (" + String.join(", ", t.columns()) + ") from stdin", in);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            if (rows != t.rows() || !hash.equals(t.sha256())) {
                throw new IllegalArgumentException("table " + t.name() + " is damaged: " + rows + " rows (the manifest says "
                        + t.rows() + ")" + (hash.equals(t.sha256()) ? "" : ", checksum differs"));
            }
        }
        try (PreparedStatement setval = c.prepareStatement("select setval(cast(? as regclass), ?, ?)")) {
            for (BackupManifest.SequenceValue s : manifest.sequences()) {
                setval.setString(1, s.name());
                setval.setLong(2, s.lastValue());
                setval.setBoolean(3, s.isCalled());
                setval.execute();
            }
        }
    }

    /** The Flyway version the schema is at (the last successful versioned migration). */
    public static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version from " + HISTORY
                     + " where success and version is not null order by installed_rank desc limit 1")) {
            if (!rs.next()) {
                throw new SQLException("the schema has no migration history");
            }
            return rs.getString(1);
        }
    }

    /** Every table of the current schema but Flyway's history, each after the tables it references. */
    static List<String> tablesInLoadOrder(Connection c) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select c.relname from pg_class c where c.relnamespace = cast(current_schema() as regnamespace)"
                     + " and c.relkind in ('r', 'p') and not c.relispartition")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        tables.remove(HISTORY);
        Map<String, Set<String>> references = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select f.relname, t.relname from pg_constraint k join pg_class f on f.oid = k.conrelid"
                     + " join pg_class t on t.oid = k.confrelid where k.contype = 'f'"
                     + " and f.relnamespace = cast(current_schema() as regnamespace)")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(rs.getString(2))) {
                    references.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> left = new TreeSet<>(tables);
        while (!left.isEmpty()) {
            String next = left.stream()
                    .filter(t -> references.getOrDefault(t, Set.of()).stream().noneMatch(left::contains))
                    .findFirst()
                    .orElseThrow(() -> new SQLException("the foreign keys between " + left + " form a cycle"));
            order.add(BackupManifest.identifier(next));
            left.remove(next);
        }
        return order;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select attname from pg_attribute where attrelid = cast(? as regclass)"
                + " and attnum > 0 and not attisdropped and attgenerated = '' order by attnum")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(BackupManifest.identifier(rs.getString(1)));
                }
            }
        }
        return columns;
    }

    private static List<BackupManifest.SequenceValue> sequences(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select relname from pg_class where relkind = 'S'"
                     + " and relnamespace = cast(current_schema() as regnamespace) order by relname")) {
            while (rs.next()) {
                names.add(BackupManifest.identifier(rs.getString(1)));
            }
        }
        List<BackupManifest.SequenceValue> values = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith(HISTORY)) {
                continue;
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select last_value, is_called from " + name)) {
                rs.next();
                values.add(new BackupManifest.SequenceValue(name, rs.getLong(1), rs.getBoolean(2)));
            }
        }
        return List.copyOf(values);
    }

    private static String serverVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets a table's stream be closed without closing the zip it writes into. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
