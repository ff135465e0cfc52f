package org.sweetshop.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.postgresql.ds.PGSimpleDataSource;
import org.hibernate.tool.schema.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.DatabaseUnreachableException;

/**
 * The store database as this process uses it: a HikariCP pool, the schema migrated by Flyway on
 * every start, and Hibernate validating (never updating) the schema against the entities.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Where to connect and how this process behaves on the connection. */
    public record Settings(String jdbcUrl, String user, String password, int poolSize,
                           long lockTimeoutMs, long connectTimeoutMs) {
        @Override
        public String toString() {
            return "Settings[" + jdbcUrl + ", user=" + user + ", pool=" + poolSize + ", lockTimeoutMs=" + lockTimeoutMs + "]";
        }
    }

    private final Settings settings;
    private final HikariDataSource dataSource;
    private final EntityManagerFactory emf;
    private final Transactor transactor;

    private Database(Settings settings, HikariDataSource dataSource, EntityManagerFactory emf) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.emf = emf;
        this.transactor = new Transactor(emf);
    }

    /**
     * pgjdbc's socket timeout on the pool's connections: a stalled network ends in "unreachable"
     * after this long rather than never. The longest statement a till expects is a lock wait
     * ({@code lock_timeout}, 3 s by default) or a report over a year of sales (seconds); so 30 s, or
     * the lock timeout and 10 s more when that is longer.
     */
    static int socketTimeoutSeconds(Settings settings) {
        return (int) Math.max(30, (settings.lockTimeoutMs() + 999) / 1000 + 10);
    }

    /** Migrations may rewrite a large table: their socket timeout is longer, still bounded. */
    static final int MIGRATION_SOCKET_TIMEOUT_SECONDS = 600;

    static int connectTimeoutSeconds(Settings settings) {
        return (int) Math.max(1, (settings.connectTimeoutMs() + 999) / 1000);
    }

    public static Database open(Settings settings, List<Class<?>> entities) {
        migrate(settings);
        HikariDataSource dataSource = pool(settings);
        try {
            int[] version = serverVersion(settings, dataSource);
            EntityManagerFactory emf = new HibernatePersistenceConfiguration("sweetshop")
                    .managedClasses(entities)
                    .schemaToolingAction(Action.VALIDATE)
                    .property("hibernate.connection.datasource", dataSource)
                    // the dialect and version we read ourselves: a connection lost while Hibernate
                    // reads its metadata then fails in a classified step, never "Unable to determine
                    // Dialect without JDBC metadata"
                    .property("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
                    .property("jakarta.persistence.database-product-name", "PostgreSQL")
                    .property("jakarta.persistence.database-major-version", Integer.toString(version[0]))
                    .property("jakarta.persistence.database-minor-version", Integer.toString(version[1]))
                    .property("hibernate.connection.provider_disables_autocommit", "true")
                    .property("hibernate.jdbc.batch_size", "50")
                    .property("hibernate.order_inserts", "true")
                    .property("hibernate.order_updates", "true")
                    .property("hibernate.jdbc.time_zone", "UTC")
                    .property("hibernate.query.fail_on_pagination_over_collection_fetch", "true")
                    .createEntityManagerFactory();
            LOG.info("database ready: {}", settings);
            return new Database(settings, dataSource, emf);
        } catch (RuntimeException e) {
            RuntimeException fault = startFault(settings, dataSource, e);
            dataSource.close();
            throw fault;
        }
    }

    /** The server's major and minor version, read on a pooled connection; a lost connection is "unreachable". */
    private static int[] serverVersion(Settings settings, HikariDataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            return new int[] {md.getDatabaseMajorVersion(), md.getDatabaseMinorVersion()};
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("store database unreachable at " + settings.jdbcUrl() + ": " + rootMessage(e), e);
        }
    }

    /**
     * A failure of the Hibernate bootstrap, classified like a fault during a sale: a connection fault
     * in its causes (by SQLState), or a pool that no longer gives a working connection, is
     * "unreachable"; anything else (a schema that does not match the entities) stays what it is.
     */
    private static RuntimeException startFault(Settings settings, HikariDataSource dataSource, RuntimeException e) {
        if (e instanceof DatabaseUnreachableException) {
            return e;
        }
        if (SqlStates.classify(e) == SqlStates.Fault.CONNECTION || !answers(dataSource)) {
            return new DatabaseUnreachableException("store database unreachable at " + settings.jdbcUrl()
                    + ": the connection was lost while starting (" + rootMessage(e) + ")", e);
        }
        return e;
    }

    private static boolean answers(HikariDataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(3);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("the store database does not answer", e);
            return false;
        }
    }

    /** Applies the migrations in {@code db/migration}; safe when several tills start at once. */
    public static void migrate(Settings settings) {
        migrate(settings, null);
    }

    /**
     * Applies the migrations up to and including {@code targetVersion} (null: all of them), as a
     * restore needs to load a backup into the schema it was taken from.
     */
    public static void migrate(Settings settings, String targetVersion) {
        try {
            PGSimpleDataSource direct = new PGSimpleDataSource();
            direct.setURL(settings.jdbcUrl());
            direct.setUser(settings.user());
            direct.setPassword(settings.password());
            direct.setConnectTimeout(connectTimeoutSeconds(settings));
            direct.setLoginTimeout(connectTimeoutSeconds(settings));
            direct.setSocketTimeout(MIGRATION_SOCKET_TIMEOUT_SECONDS);
            direct.setTcpKeepAlive(true);
            direct.setApplicationName("sweetshop-migrate");
            var configuration = Flyway.configure()
                    .dataSource(direct)
                    .locations("classpath:db/migration")
                    .connectRetries(0);
            if (targetVersion != null) {
                configuration.target(targetVersion);
            }
            configuration.load().migrate();
        } catch (FlywayException e) {
            if (SqlStates.classify(e) == SqlStates.Fault.CONNECTION) {
                throw new DatabaseUnreachableException("store database unreachable at " + settings.jdbcUrl() + ": " + rootMessage(e), e);
            }
            throw new DatabaseStartException("the database schema could not be brought up to date: " + rootMessage(e), e);
        }
    }

    private static HikariDataSource pool(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sweetshop");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setAutoCommit(false);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(settings.connectTimeoutMs());
        config.setValidationTimeout(Math.min(settings.connectTimeoutMs(), 3000));
        config.setInitializationFailTimeout(settings.connectTimeoutMs());
        // Session defaults instead of per-statement hints: no extra round trips on the hot path.
        // A lock wait past lock_timeout raises 55P03 (busy); a till that hangs inside a transaction
        // cannot hold rows for ever.
        config.setConnectionInitSql("set lock_timeout = " + settings.lockTimeoutMs()
                + "; set idle_in_transaction_session_timeout = 60000; set time zone 'UTC'");
        // commit the settings on their own: otherwise (autoCommit off) they ride in the first
        // transaction of the connection, and a first transaction that rolls back takes them with it
        config.setIsolateInternalQueries(true);
        // every connection: bounded connect and log-in, a bounded wait for each reply (a stalled
        // network is "unreachable", not a hang), TCP keepalives so a dead peer is noticed when idle
        config.addDataSourceProperty("connectTimeout", Integer.toString(connectTimeoutSeconds(settings)));
        config.addDataSourceProperty("loginTimeout", Integer.toString(connectTimeoutSeconds(settings)));
        config.addDataSourceProperty("socketTimeout", Integer.toString(socketTimeoutSeconds(settings)));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "sweetshop");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnreachableException("store database unreachable at " + settings.jdbcUrl() + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    public Transactor transactor() {
        return transactor;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        try {
            emf.close();
        } finally {
            dataSource.close();
        }
    }
}
