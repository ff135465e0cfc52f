package org.sweetshop.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the app needs to start, resolved once: command-line option, then environment, then
 * {@code sweetshop.properties} in the data directory, then the built-in default.
 *
 * @param dataDir        where the embedded database, logs and settings live
 * @param dbUrl          JDBC URL of the store database, or null for the embedded one
 * @param dbUser         database user (null: the embedded database's own)
 * @param dbPassword     database password (null: none, or the embedded database's own)
 * @param terminal       this till's name, shown at all times and used in receipt numbers; may be null
 * @param lockTimeout    how long a till waits for a row another till holds before "busy"
 * @param connectTimeout how long to wait for a database connection before "unreachable"
 * @param poolSize       connections this process keeps to the database
 * @param storeName      printed on receipts
 * @param currency       ISO code of the store's one currency
 * @param labelPatterns  the store's scale-label patterns ({@code labels.patterns}, e.g.
 *                       {@code 21PPPPPWWWWWC,23PPPPP$$$$$C}; null: those defaults), read by
 *                       {@code catalog.ScaleLabels}
 */
public record AppConfig(
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String terminal,
        Duration lockTimeout,
        Duration connectTimeout,
        int poolSize,
        String storeName,
        String currency,
        String labelPatterns) {

    /** Without scale-label patterns of its own: the defaults. */
    public AppConfig(Path dataDir, String dbUrl, String dbUser, String dbPassword, String terminal, Duration lockTimeout,
                     Duration connectTimeout, int poolSize, String storeName, String currency) {
        this(dataDir, dbUrl, dbUser, dbPassword, terminal, lockTimeout, connectTimeout, poolSize, storeName, currency, null);
    }

    public boolean embedded() {
        return dbUrl == null;
    }

    public AppConfig withPoolSize(int size) {
        return new AppConfig(dataDir, dbUrl, dbUser, dbPassword, terminal, lockTimeout, connectTimeout, size, storeName, currency, labelPatterns);
    }

    public AppConfig withDataDir(Path dir) {
        return new AppConfig(dir, dbUrl, dbUser, dbPassword, terminal, lockTimeout, connectTimeout, poolSize, storeName, currency, labelPatterns);
    }


    @Override
    public String toString() {
        // never print the password
        return "AppConfig[dataDir=" + dataDir + ", db=" + (embedded() ? "embedded" : dbUrl) + ", user=" + dbUser
                + ", terminal=" + terminal + ", lockTimeout=" + lockTimeout + ", poolSize=" + poolSize + "]";
    }
}
