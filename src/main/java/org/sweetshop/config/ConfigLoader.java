package org.sweetshop.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@link AppConfig}: command-line option, then environment, then
 * {@code sweetshop.properties} in the data directory, then the built-in default.
 */
public final class ConfigLoader {

    public static final String PROPERTIES_FILE = "sweetshop.properties";

    /** Values given on the command line; null where not given. */
    public record Overrides(String dataDir, String dbUrl, String dbUser, String terminal) {
        public static Overrides none() {
            return new Overrides(null, null, null, null);
        }
    }

    private ConfigLoader() {
    }

    public static AppConfig load(Overrides cli, Map<String, String> env) {
        Path dataDir = DataDirectory.resolve(cli.dataDir(), env);
        Properties file = readProperties(dataDir.resolve(PROPERTIES_FILE));
        Layered layered = new Layered(env, file);
        String dbUrl = rootCertInDataDir(first(cli.dbUrl(), layered.get("SWEETSHOP_DB_URL", "db.url")), dataDir);
        return new AppConfig(
                dataDir,
                dbUrl,
                first(cli.dbUser(), layered.get("SWEETSHOP_DB_USER", "db.user")),
                layered.get("SWEETSHOP_DB_PASSWORD", "db.password"),
                first(cli.terminal(), layered.get("SWEETSHOP_TERMINAL", "terminal")),
                Duration.ofMillis(layered.getLong("SWEETSHOP_LOCK_TIMEOUT_MS", "lock.timeout.ms", 3000, 1, 60_000)),
                Duration.ofMillis(layered.getLong("SWEETSHOP_CONNECT_TIMEOUT_MS", "connect.timeout.ms", 5000, 250, 120_000)),
                (int) layered.getLong("SWEETSHOP_POOL_SIZE", "pool.size", 8, 1, 200),
                first(layered.get("SWEETSHOP_STORE_NAME", "store.name"), "Sweetshop"),
                first(layered.get("SWEETSHOP_CURRENCY", "currency"), "GBP"),
                layered.get("SWEETSHOP_LABELS_PATTERNS", "labels.patterns"));
    }

    /**
     * The scheduled backups set for the data directory, or null when {@code backup.dir} is not set
     * (the default: no scheduled backups). {@code backup.keep} is 1 to 1000, 7 when not set.
     */
    public static BackupSchedule backupSchedule(Path dataDir, Map<String, String> env) {
        Layered layered = new Layered(env, readProperties(dataDir.resolve(PROPERTIES_FILE)));
        String dir = layered.get("SWEETSHOP_BACKUP_DIR", "backup.dir");
        if (dir == null) {
            return null;
        }
        int keep = (int) layered.getLong("SWEETSHOP_BACKUP_KEEP", "backup.keep", BackupSchedule.DEFAULT_KEEP, 1,
                BackupSchedule.MAX_KEEP);
        return new BackupSchedule(Path.of(dir), keep);
    }

    /**
     * Whether this till sells offline into its local journal when the store database cannot be
     * reached ({@code offline.selling} / {@code SWEETSHOP_OFFLINE_SELLING}: {@code true} or
     * {@code false}, the default).
     */
    public static boolean offlineSelling(Path dataDir, Map<String, String> env) {
        Layered layered = new Layered(env, readProperties(dataDir.resolve(PROPERTIES_FILE)));
        String value = layered.get("SWEETSHOP_OFFLINE_SELLING", "offline.selling");
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new ConfigException("SWEETSHOP_OFFLINE_SELLING / offline.selling must be true or false, not '" + value + "'", null);
    }

    /**
     * The till's own {@code sweetshop.properties} as read, for settings a feature reads itself (the
     * scale: {@code scale.ScaleSettings.from}; config does not depend on the features).
     */
    public static Properties tillProperties(Path dataDir) {
        return readProperties(dataDir.resolve(PROPERTIES_FILE));
    }

    /**
     * Whether a weighed sweet's price is shown per 100 g ({@code weight.price.per=100g}, the
     * default) or per kilogram ({@code weight.price.per=kg}).
     */
    public static boolean pricePer100g(Path dataDir) {
        return pricePer100g(tillProperties(dataDir));
    }

    /** As {@link #pricePer100g(Path)}, from the till's properties already read. */
    public static boolean pricePer100g(Properties tillProperties) {
        String value = tillProperties.getProperty("weight.price.per", "100g").strip();
        if (value.equalsIgnoreCase("100g")) {
            return true;
        }
        if (value.equalsIgnoreCase("kg")) {
            return false;
        }
        throw new ConfigException("weight.price.per must be 100g or kg, not '" + value + "'", null);
    }

    private static final Pattern SSL_ROOT_CERT = Pattern.compile("([?&]sslrootcert=)([^&]+)");

    /**
     * A relative {@code sslrootcert} in the URL names a file in the data directory: {@code server
     * till add} writes {@code sslrootcert=root.crt} beside the till's {@code sweetshop.properties},
     * so the folder it wrote can be copied to the till at any path (pgjdbc itself would read it
     * from the working directory).
     */
    static String rootCertInDataDir(String dbUrl, Path dataDir) {
        if (dbUrl == null) {
            return null;
        }
        Matcher m = SSL_ROOT_CERT.matcher(dbUrl);
        if (!m.find() || Path.of(m.group(2)).isAbsolute()) {
            return dbUrl;
        }
        return dbUrl.substring(0, m.start(2)) + dataDir.resolve(m.group(2)).toAbsolutePath().normalize() + dbUrl.substring(m.end(2));
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static Properties readProperties(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return properties;
    }

    private record Layered(Map<String, String> env, Properties file) {

        String get(String envName, String propertyName) {
            String fromEnv = env.get(envName);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return fromEnv;
            }
            String fromFile = file.getProperty(propertyName);
            return fromFile == null || fromFile.isBlank() ? null : fromFile.strip();
        }

        long getLong(String envName, String propertyName, long defaultValue, long min, long max) {
            String text = get(envName, propertyName);
            if (text == null) {
                return defaultValue;
            }
            try {
                long value = Long.parseLong(text.strip());
                if (value < min || value > max) {
                    throw new ConfigException(envName + " / " + propertyName + " must be between " + min + " and " + max, null);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new ConfigException(envName + " / " + propertyName + " must be a whole number, not '" + text + "'", e);
            }
        }
    }
}
