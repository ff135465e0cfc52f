package org.sweetshop.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sweetshop.AppContext;
import org.sweetshop.config.AppConfig;
import org.sweetshop.db.Database;
import org.sweetshop.db.EmbeddedDatabase;
import org.sweetshop.db.TillRoles;
import org.sweetshop.staff.PasswordHasher;

/**
 * The real PostgreSQL the tests lock against: an embedded one started once per test JVM, or the
 * server named by {@code SWEETSHOP_TEST_DB_URL} (with {@code SWEETSHOP_TEST_DB_USER} and
 * {@code SWEETSHOP_TEST_DB_PASSWORD}). Never H2, never a mock.
 *
 * <p>With {@code -Dsweetshop.test.role=till} (the {@code till-role} surefire execution, part of every {@code mvn verify}) the services under
 * test connect as a till's own role ({@code till_test}, a member of {@code sweetshop_till}), as a
 * till of a store server does, while the fixtures (the back office's registrations, catalogue,
 * coupons, promo codes; the reset) go through {@link #office()}, which connects as the owner.
 */
public final class TestDatabase {

    /** Cheap Argon2id parameters: tests register many accounts; the algorithm is the same. */
    public static final PasswordHasher FAST_HASHER = new PasswordHasher(1024, 1);

    private static TestDatabase instance;

    private final Path dataDir;
    private final EmbeddedDatabase embedded;
    private final Database.Settings settings;
    private final Database database;
    private final AppContext context;
    /** The services as a till role sees them; null unless sweetshop.test.role=till. */
    private final AppContext tillContext;

    public static final String ROLE_PROPERTY = "sweetshop.test.role";

    private TestDatabase() throws IOException {
        dataDir = Files.createTempDirectory("sweetshop-test");
        String url = System.getenv("SWEETSHOP_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            embedded = null;
            settings = new Database.Settings(url, System.getenv("SWEETSHOP_TEST_DB_USER"),
                    System.getenv("SWEETSHOP_TEST_DB_PASSWORD"), 40, 5000, 5000);
        } else {
            // durability does not change locking; the tests that check durability start their own
            embedded = EmbeddedDatabase.startOrJoin(dataDir, EmbeddedDatabase.Options.local().notDurable());
            var endpoint = embedded.endpoint();
            settings = new Database.Settings(endpoint.jdbcUrl(), endpoint.user(), endpoint.password(), 40, 5000, 5000);
        }
        database = Database.open(settings, AppContext.entities());
        context = new AppContext(config(dataDir), embedded, database, FAST_HASHER, Clock.systemDefaultZone());
        tillContext = "till".equals(System.getProperty(ROLE_PROPERTY)) ? asTill() : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (tillContext != null) {
                tillContext.close();
            }
            context.close();
        }, "test-database-stop"));
    }

    private AppContext asTill() {
        String password = TillRoles.newPassword();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            c.setAutoCommit(true);
            TillRoles.add(c, "test", password, false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the test till's role", e);
        }
        Database.Settings till = new Database.Settings(settings.jdbcUrl(), TillRoles.roleOf("test"), password,
                settings.poolSize(), settings.lockTimeoutMs(), settings.connectTimeoutMs());
        return new AppContext(config(dataDir), null, Database.open(till, AppContext.entities()), FAST_HASHER, Clock.systemDefaultZone());
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            try {
                instance = new TestDatabase();
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the test data directory", e);
            }
        }
        return instance;
    }

    /** A configuration for tests: the given data directory, a 5 s lock timeout. */
    public static AppConfig config(Path dataDir) {
        return new AppConfig(dataDir, null, null, null, "T1", Duration.ofSeconds(5), Duration.ofSeconds(5), 40,
                "Test Sweetshop", "GBP");
    }

    /** The services under test: as the owner, or as a till role (sweetshop.test.role=till). */
    public AppContext context() {
        return tillContext != null ? tillContext : context;
    }

    /** The services as the owner: the back office's fixtures. The same as {@link #context()} unless as a till role. */
    public AppContext office() {
        return context;
    }

    public Database.Settings settings() {
        return settings;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Environment variables that point a till process at this database. */
    public Map<String, String> env() {
        return Map.of("SWEETSHOP_DB_URL", settings.jdbcUrl(),
                "SWEETSHOP_DB_USER", settings.user() == null ? "" : settings.user(),
                "SWEETSHOP_DB_PASSWORD", settings.password() == null ? "" : settings.password());
    }

    /** Empties every table (the store row and V16's three tax rates stay): each test starts from an empty store. */
    public void reset() {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate table store_setting, audit_log, refund_tax, refund_line, refund, shift, sale_tax, sale_line, sale, till_counter,"
                    + " stock_movement, coupon, promo, sweet, staff cascade");
            s.execute("delete from tax_rate where code not in ('STD', 'RED', 'ZERO')");
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the test database", e);
        }
    }
}
