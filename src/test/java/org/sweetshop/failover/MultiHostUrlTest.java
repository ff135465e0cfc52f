package org.sweetshop.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sweetshop.AppContext;
import org.sweetshop.config.AppConfig;
import org.sweetshop.config.ConfigLoader;
import org.sweetshop.db.ChangeListener;
import org.sweetshop.db.Database;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestDatabase;

/**
 * The multi-host URL a till of a failover pair is given
 * ({@code jdbc:postgresql://A,B/db?targetServerType=primary}) reaches the pool and the live-stock
 * listener unchanged: with the first host down, or the first host a server that is not a primary
 * (read-only, as pgjdbc sees a hot standby), both land on the primary, and the listener hears
 * what is committed there. Without {@code targetServerType} the listener would sit on the
 * read-only server and hear nothing: the failure the failover test must never see.
 */
class MultiHostUrlTest {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/]+)/([^?]+)(\\?.*)?");
    private static final String CHANNEL = "failover_probe";

    private static EmbeddedPostgres readOnly;
    private final TestDatabase db = TestDatabase.get();
    private final BlockingQueue<String> payloads = new LinkedBlockingQueue<>();
    private ChangeListener listener;

    /**
     * A second PostgreSQL with the store's database and role; each test makes it read-only (not a
     * primary, as pgjdbc sees a hot standby: {@code transaction_read_only} on) or writable.
     */
    @BeforeAll
    static void startASecondServer() throws IOException {
        Database.Settings primary = TestDatabase.get().settings();
        readOnly = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("sweetshop-read-only"))
                .setCleanDataDirectory(true)
                .start();
        Matcher m = URL.matcher(primary.jdbcUrl());
        assertThat(m.matches()).as(primary.jdbcUrl()).isTrue();
        try (Connection c = readOnly.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role " + primary.user() + " login password '" + primary.password() + "'");
            s.execute("create database " + m.group(2) + " owner " + primary.user());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the second server read-only (or writable again) for new transactions of every session, open ones too. */
    private static void secondServerReadOnly(boolean on) {
        try (Connection c = readOnly.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("set default_transaction_read_only = off");
            s.execute("alter system set default_transaction_read_only = " + (on ? "on" : "off"));
            s.execute("select pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        org.sweetshop.testing.Poll.until(java.time.Duration.ofSeconds(10), () -> {
            try (Connection c = readOnly.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("show default_transaction_read_only")) {
                rs.next();
                return rs.getString(1).equals(on ? "on" : "off");
            } catch (java.sql.SQLException e) {
                return false;
            }
        }, () -> "default_transaction_read_only not " + on);
    }

    @AfterAll
    static void stopTheReadOnlyServer() throws IOException {
        if (readOnly != null) {
            readOnly.close();
        }
    }

    @AfterEach
    void closeTheListener() {
        if (listener != null) {
            listener.close();
        }
    }

    /** The test database's URL with {@code firstHost} put before its own host, and targetServerType=primary. */
    private Database.Settings behind(String firstHost, boolean targetPrimary) {
        Database.Settings s = db.settings();
        Matcher m = URL.matcher(s.jdbcUrl());
        assertThat(m.matches()).isTrue();
        String query = m.group(3) == null ? "" : m.group(3).substring(1);
        String params = (targetPrimary ? "targetServerType=primary" : "") + (query.isEmpty() ? "" : (targetPrimary ? "&" : "") + query);
        String url = "jdbc:postgresql://" + firstHost + "," + m.group(1) + "/" + m.group(2) + (params.isEmpty() ? "" : "?" + params);
        return new Database.Settings(url, s.user(), s.password(), 2, s.lockTimeoutMs(), s.connectTimeoutMs());
    }

    private int primaryPort() {
        return (int) Sql.queryLong(db.context().database().dataSource(), "select inet_server_port()");
    }

    private void notifyOnThePrimary(String payload) {
        Sql.execute(db.context().database().dataSource(), "select pg_notify('" + CHANNEL + "', '" + payload + "')");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void theListenerSkipsAFirstHostThatIsDown() throws Exception {
        listener = ChangeListener.start(behind("127.0.0.1:" + closedPort(), true), CHANNEL, payloads::add, null, null);
        assertThat(listener.state()).isEqualTo(ChangeListener.State.CONNECTED);
        notifyOnThePrimary("after-a-dead-host");
        assertThat(payloads.poll(20, TimeUnit.SECONDS)).isEqualTo("after-a-dead-host");
    }

    @Test
    void theListenerAndThePoolSkipAFirstHostThatIsNotAPrimary() throws Exception {
        secondServerReadOnly(true);
        Database.Settings settings = behind("localhost:" + readOnly.getPort(), true);
        listener = ChangeListener.start(settings, CHANNEL, payloads::add, null, null);
        assertThat(listener.state()).isEqualTo(ChangeListener.State.CONNECTED);
        notifyOnThePrimary("heard-on-the-primary");
        assertThat(payloads.poll(20, TimeUnit.SECONDS)).isEqualTo("heard-on-the-primary");
        assertThat(Sql.queryLong(db.context().database().dataSource(),
                "select count(*) from pg_stat_activity where application_name = ?", listener.applicationName()))
                .as("the listener's session is on the primary").isEqualTo(1);

        try (Database database = Database.open(settings, AppContext.entities());
             Connection c = database.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select inet_server_port(), current_setting('transaction_read_only')")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the pool's connection is on the primary").isEqualTo(primaryPort());
            assertThat(rs.getString(2)).isEqualTo("off");
        }
    }

    @Test
    void withoutTargetServerTypeTheListenerWouldSitOnTheReadOnlyServerAndHearNothing() throws Exception {
        // why the URL must say targetServerType=primary: LISTEN works on a read-only server
        secondServerReadOnly(true);
        listener = ChangeListener.start(behind("localhost:" + readOnly.getPort(), false), CHANNEL, payloads::add, null, null);
        assertThat(listener.state()).isEqualTo(ChangeListener.State.CONNECTED);
        notifyOnThePrimary("never-heard");
        assertThat(payloads.poll(2, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aListenerMovesToThePrimaryWhenItsServerStopsBeingOneWithoutClosingTheSession() throws Exception {
        secondServerReadOnly(false);
        BlockingQueue<String> resubscribed = new LinkedBlockingQueue<>();
        listener = ChangeListener.start(behind("localhost:" + readOnly.getPort(), true), CHANNEL, payloads::add, null,
                () -> resubscribed.add("again"));
        assertThat(listener.state()).isEqualTo(ChangeListener.State.CONNECTED);
        assertThat(Sql.queryLong(db.context().database().dataSource(),
                "select count(*) from pg_stat_activity where application_name = ?", listener.applicationName()))
                .as("first on the second server, the first host that is a primary").isZero();
        // the second server is fenced: its sessions stay open, every new transaction is read-only
        secondServerReadOnly(true);
        assertThat(resubscribed.poll(ChangeListener.PING_INTERVAL.toSeconds() + 20, TimeUnit.SECONDS))
                .as("the listener noticed at its ping and listens on the primary").isEqualTo("again");
        notifyOnThePrimary("heard-after-moving");
        assertThat(payloads.poll(20, TimeUnit.SECONDS)).isEqualTo("heard-after-moving");
    }

    @Test
    void onlyAUrlThatAsksForThePrimaryMakesTheListenerCheckItsServer() {
        assertThat(ChangeListener.wantsPrimary("jdbc:postgresql://a:5432,b:5432/s?targetServerType=primary")).isTrue();
        assertThat(ChangeListener.wantsPrimary("jdbc:postgresql://a,b/s?sslmode=require&targetservertype=master")).isTrue();
        assertThat(ChangeListener.wantsPrimary("jdbc:postgresql://a,b/s?targetServerType=preferSecondary")).isFalse();
        assertThat(ChangeListener.wantsPrimary("jdbc:postgresql://localhost:5432/sweetshop")).isFalse();
    }

    @Test
    void theConfigurationTakesAMultiHostUrlAsItIs(@org.junit.jupiter.api.io.TempDir Path dataDir) throws IOException {
        String url = "jdbc:postgresql://10.0.0.5:5432,10.0.0.6:5432/sweetshop?targetServerType=primary&sslmode=verify-full";
        AppConfig fromEnv = ConfigLoader.load(new ConfigLoader.Overrides(dataDir.toString(), null, null, null),
                Map.of("SWEETSHOP_DB_URL", url));
        assertThat(fromEnv.dbUrl()).isEqualTo(url);
        Files.write(dataDir.resolve(ConfigLoader.PROPERTIES_FILE), List.of("db.url=" + url, "db.user=till_a"));
        AppConfig fromFile = ConfigLoader.load(new ConfigLoader.Overrides(dataDir.toString(), null, null, null), Map.of());
        assertThat(fromFile.dbUrl()).isEqualTo(url);
        assertThat(AppContext.settings(fromFile, fromFile.dbUrl(), fromFile.dbUser(), null).jdbcUrl()).isEqualTo(url);
    }
}
