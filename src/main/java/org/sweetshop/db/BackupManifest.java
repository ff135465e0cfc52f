package org.sweetshop.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a backup file holds, written as {@code manifest.properties} inside it: the format, when it
 * was taken, the app and schema (Flyway) version it came from, every table in load order with its
 * columns, row count, zip entry and SHA-256, and every sequence's value.
 *
 * @param info   free-form facts (app version, till, PostgreSQL version), in order
 * @param tables in dependency order: a table comes after every table it references
 */
public record BackupManifest(String format, Instant createdAt, String schemaVersion, Map<String, String> info,
                             List<Table> tables, List<SequenceValue> sequences) {

    public static final String FORMAT = "sweetshop-backup/1";
    public static final String ENTRY = "manifest.properties";

    /** One table's copy: its columns in COPY order, its rows, where its data is and the data's hash. */
    public record Table(String name, List<String> columns, long rows, String entry, String sha256) {
    }

    /** A sequence as {@code setval(name, lastValue, isCalled)} restores it. */
    public record SequenceValue(String name, long lastValue, boolean isCalled) {
    }

    public Map<String, Long> rowCounts() {
        Map<String, Long> rows = new LinkedHashMap<>();
        tables.forEach(t -> rows.put(t.name(), t.rows()));
        return rows;
    }

    void write(OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder("# Sweetshop POS backup\n");
        line(sb, "format", format);
        line(sb, "created_at", createdAt.toString());
        line(sb, "schema_version", schemaVersion);
        info.forEach((k, v) -> line(sb, "info." + k, v));
        line(sb, "tables", String.join(",", tables.stream().map(Table::name).toList()));
        for (Table t : tables) {
            line(sb, "table." + t.name() + ".columns", String.join(",", t.columns()));
            line(sb, "table." + t.name() + ".rows", Long.toString(t.rows()));
            line(sb, "table." + t.name() + ".entry", t.entry());
            line(sb, "table." + t.name() + ".sha256", t.sha256());
        }
        line(sb, "sequences", String.join(",", sequences.stream().map(SequenceValue::name).toList()));
        for (SequenceValue s : sequences) {
            line(sb, "sequence." + s.name(), s.lastValue() + "," + s.isCalled());
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder sb, String key, String value) {
        // Properties escapes what needs escaping; one key at a time keeps the order readable
        Properties one = new Properties();
        one.setProperty(key, value == null ? "" : value);
        StringWriter w = new StringWriter();
        try {
            one.store(w, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        w.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> sb.append(l).append('\n'));
    }

    /** Reads a manifest; anything missing or malformed is an {@link IllegalArgumentException} saying what. */
    static BackupManifest read(InputStream in) throws IOException {
        String text = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        Properties p = new Properties();
        p.load(new StringReader(text));
        String format = required(p, "format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("unknown backup format '" + format + "' (this app reads " + FORMAT + ")");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(required(p, "created_at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad created_at");
        }
        String schema = required(p, "schema_version");
        Map<String, String> info = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("info.")).sorted()
                .forEach(k -> info.put(k.substring(5), p.getProperty(k)));
        List<Table> tables = new ArrayList<>();
        for (String name : list(required(p, "tables"))) {
            String prefix = "table." + name + ".";
            long rows;
            try {
                rows = Long.parseLong(required(p, prefix + "rows"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad row count of " + name);
            }
            tables.add(new Table(identifier(name), list(required(p, prefix + "columns")).stream().map(BackupManifest::identifier).toList(),
                    rows, required(p, prefix + "entry"), required(p, prefix + "sha256")));
        }
        List<SequenceValue> sequences = new ArrayList<>();
        for (String name : list(p.getProperty("sequences", ""))) {
            String[] value = required(p, "sequence." + name).split(",");
            try {
                sequences.add(new SequenceValue(identifier(name), Long.parseLong(value[0]), Boolean.parseBoolean(value[1])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bad value of sequence " + name);
            }
        }
        return new BackupManifest(format, createdAt, schema, info, List.copyOf(tables), List.copyOf(sequences));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the manifest lacks " + key);
        }
        return value.strip();
    }

    private static List<String> list(String value) {
        return value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
    }

    /** Table, column and sequence names go into SQL: only plain lower-case identifiers are accepted. */
    static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain identifier: '" + name + "'");
        }
        return name;
    }
}
