package org.sweetshop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sweetshop.AppContext;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.TcpProxy;
import org.sweetshop.testing.TestDatabase;

/** A connection lost while a process starts is "unreachable" (exit 5), like one lost during a sale. */
class StartUpFaultsTest {

    /** Sent only by Hibernate's schema validation (pgjdbc's getTables / getColumns), after Flyway and the pool. */
    private static final String HIBERNATE_BOOTSTRAP = "TABLE_CAT";
    /** Sent only by Flyway, before the pool exists. */
    private static final String FLYWAY = "flyway_schema_history";

    private static Database.Settings through(TcpProxy proxy) {
        Database.Settings direct = TestDatabase.get().settings();
        return new Database.Settings(proxy.jdbcUrl(direct.jdbcUrl()), direct.user(), direct.password(), 2, 3000, 1500);
    }

    private static boolean causedByHibernate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.hibernate.") || t.getClass().getName().startsWith("jakarta.persistence.")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aConnectionLostInsideTheHibernateBootstrapIsUnreachable() throws Exception {
        try (TcpProxy proxy = TcpProxy.inFrontOf(TestDatabase.get().settings().jdbcUrl())) {
            proxy.cutWhenClientSends(HIBERNATE_BOOTSTRAP);

            assertThatThrownBy(() -> Database.open(through(proxy), AppContext.entities()).close())
                    .isInstanceOf(DatabaseUnreachableException.class)
                    .hasMessageStartingWith("store database unreachable at jdbc:postgresql://127.0.0.1:")
                    .hasMessageContaining("the connection was lost while starting")
                    .matches(StartUpFaultsTest::causedByHibernate, "caused inside the Hibernate bootstrap");
        }
    }

    @Test
    void aConnectionLostDuringTheMigrationIsUnreachable() throws Exception {
        try (TcpProxy proxy = TcpProxy.inFrontOf(TestDatabase.get().settings().jdbcUrl())) {
            proxy.cutWhenClientSends(FLYWAY);

            assertThatThrownBy(() -> Database.open(through(proxy), AppContext.entities()).close())
                    .isInstanceOf(DatabaseUnreachableException.class)
                    .hasMessageStartingWith("store database unreachable at jdbc:postgresql://127.0.0.1:");
        }
    }

    @Test
    void theCommandLineExitsFiveWithOneLineWhenTheConnectionGoesDuringItsStartUp() throws Exception {
        Database.Settings direct = TestDatabase.get().settings();
        try (TcpProxy proxy = TcpProxy.inFrontOf(direct.jdbcUrl())) {
            CliRunner cli = new CliRunner().realContexts();
            TestDatabase.get().env().forEach(cli::env);
            var control = cli.run("--db", proxy.jdbcUrl(direct.jdbcUrl()), "sweet", "list");
            assertThat(control.exitCode()).as("through the proxy, uncut: " + control.err()).isZero();
        }
        for (String phase : new String[] {FLYWAY, HIBERNATE_BOOTSTRAP}) {
            try (TcpProxy proxy = TcpProxy.inFrontOf(direct.jdbcUrl())) {
                proxy.cutWhenClientSends(phase);
                CliRunner cli = new CliRunner().realContexts();
                TestDatabase.get().env().forEach(cli::env);

                var result = cli.run("--db", proxy.jdbcUrl(direct.jdbcUrl()), "sweet", "list");

                assertThat(result.exitCode()).as(phase + ": " + result.err()).isEqualTo(5);
                assertThat(result.err()).startsWith("store database unreachable");
                assertThat(result.err().lines()).hasSize(1);
                assertThat(result.out()).isEmpty();
            }
        }
    }

    @Test
    void theCommandLineExitsFiveWhenNothingListens() {
        var result = new CliRunner().realContexts().env("SWEETSHOP_CONNECT_TIMEOUT_MS", "500")
                .run("--db", "jdbc:postgresql://127.0.0.1:1/sweetshop", "sweet", "list", "--json");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).startsWith("store database unreachable");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void everyPooledConnectionHasBoundedConnectAndSocketTimeoutsAndKeepalives() {
        Database database = TestDatabase.get().context().database();
        var properties = ((HikariDataSource) database.dataSource()).getDataSourceProperties();

        // the test database: a 5 s lock timeout and a 5 s connect timeout
        assertThat(Map.copyOf(properties)).containsEntry("connectTimeout", "5").containsEntry("loginTimeout", "5")
                .containsEntry("socketTimeout", "30").containsEntry("tcpKeepAlive", "true");
        assertThat(Database.socketTimeoutSeconds(new Database.Settings("u", "a", "b", 1, 3000, 1000))).isEqualTo(30);
        assertThat(Database.socketTimeoutSeconds(new Database.Settings("u", "a", "b", 1, 60_000, 1000))).isEqualTo(70);
    }
}
