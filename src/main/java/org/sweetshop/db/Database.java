package org.sweetshop.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
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

    public static Database open(Settings settings, List<Class<?>> entities) {
        migrate(settings);
        HikariDataSource dataSource = pool(settings);
        try {
            EntityManagerFactory emf = new HibernatePersistenceConfiguration("sweetshop")
                    .managedClasses(entities)
                    .schemaToolingAction(Action.VALIDATE)
                    .property("hibernate.connection.datasource", dataSource)
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
            dataSource.close();
            throw e;
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
            var configuration = Flyway.configure()
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
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
