package org.sweetshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.db.Database;
import org.sweetshop.db.DatabaseStartException;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Race;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestDatabase;

/** SKUs are unique ignoring case (V7's sweet_sku_lower_uq); lookups stay exact. */
class SkuIgnoringCaseTest extends DatabaseTest {

    private static final String HEADER = "sku,name,category,price,stock,reorder_level\n";

    @TempDir
    Path tmp;

    private SweetView add(String sku) {
        return app.catalog().add(manager, new NewSweet(sku, "Fudge", "Fudge", new BigDecimal("1.00"), 5, 0), "T0");
    }

    private long sweets() {
        return Sql.queryLong(app.database().dataSource(), "select count(*) from sweet");
    }

    @Test
    void addingFudgeInCapitalsAfterFudgeIsRefusedAsAlreadyRegistered() {
        add("fudge");

        assertThatThrownBy(() -> add("FUDGE"))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessage("already registered: a sweet with SKU FUDGE exists ignoring case (SKUs that differ only in case are one SKU)");
        assertThatThrownBy(() -> add("fudge"))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessage("already registered: a sweet with SKU fudge exists");
        assertThat(sweets()).isEqualTo(1);
        assertThat(stockOf("fudge")).isEqualTo(5);
    }

    @Test
    void lookupsStayExact() {
        add("fudge");

        assertThat(app.catalog().find("fudge").sku()).isEqualTo("fudge");
        assertThatThrownBy(() -> app.catalog().find("FUDGE")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherSweetCannotBeRenamedToTheSameSkuInAnotherCaseButASweetMayChangeItsOwnCase() {
        add("fudge");
        add("TF");

        assertThatThrownBy(() -> app.catalog().edit(manager, "TF", new SweetEdit("Fudge", null, null, null, null)))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageStartingWith("already registered: a sweet with SKU Fudge exists ignoring case");
        assertThat(app.catalog().edit(manager, "fudge", new SweetEdit("FUDGE", null, null, null, null)).sku()).isEqualTo("FUDGE");
        assertThat(app.catalog().find("TF").sku()).isEqualTo("TF");
    }

    @Test
    void theCommandLineRefusesTheSecondSpellingWithExitThree() {
        CliRunner cli = new CliRunner();
        var first = cli.run("sweet", "add", "--sku", "fudge", "--name", "Fudge", "--price", "1.00", "--as", "manager");
        var second = cli.run("sweet", "add", "--sku", "FUDGE", "--name", "Fudge", "--price", "1.00", "--as", "manager");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).isEqualTo(3);
        assertThat(second.err()).isEqualTo("already registered: a sweet with SKU FUDGE exists ignoring case"
                + " (SKUs that differ only in case are one SKU)\n");
        assertThat(sweets()).isEqualTo(1);
    }

    @Test
    void anImportHoldingBothSpellingsIsRefused() {
        var preview = app.catalogImport().preview(new StringReader(HEADER
                + "fudge,Fudge,Fudge,1.00,1,0\n"
                + "FUDGE,Fudge again,Fudge,1.00,1,0\n"));

        assertThat(preview.ok()).isFalse();
        assertThat(preview.errors()).extracting(Object::toString)
                .containsExactly("row 3, sku: SKU FUDGE is already on row 2 of this file as fudge (SKUs that differ only in case are one SKU)");
        assertThatThrownBy(() -> app.catalogImport().apply(manager, preview, "T1")).hasMessageStartingWith("nothing imported");
        assertThat(sweets()).isZero();
    }

    @Test
    void anImportOfASkuTheCatalogueHoldsInAnotherCaseIsRefused() throws Exception {
        add("fudge");
        Path csv = Files.writeString(tmp.resolve("sweets.csv"), HEADER + "FUDGE,Fudge,Fudge,1.00,1,0\nSL,Lemons,Boiled,1.00,1,0\n");

        var preview = app.catalogImport().preview(new StringReader(Files.readString(csv)));
        var cli = new CliRunner().run("sweet", "import", csv.toString(), "--as", "manager");

        assertThat(preview.errors()).extracting(Object::toString).containsExactly("row 2, sku: SKU FUDGE is already in the catalogue as fudge:"
                + " the import only adds new sweets (change existing ones with edit)");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(sweets()).isEqualTo(1);
    }

    @Test
    void ofEightRegistrationsOfOneSkuInDifferentCasesAtOnceExactlyOneIsMade() {
        List<String> spellings = List.of("fudge", "FUDGE", "Fudge", "fUDGE", "FuDgE", "fUdGe", "FUdge", "fuDGE");

        var outcomes = Race.run(spellings.size(), i -> add(spellings.get(i)));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 1L, "ALREADY_REGISTERED", 7L));
        assertThat(sweets()).isEqualTo(1);
        String made = outcomes.stream().filter(Race.Outcome::ok).findFirst().orElseThrow().value().sku();
        assertThat(stockOf(made)).isEqualTo(5);
        assertThat(app.audit().run().ok()).isTrue();
    }

    @Test
    void aCatalogueThatAlreadyHoldsBothSpellingsStopsTheMigrationNamingThemAndChangesNothing() throws Exception {
        Database.Settings shared = TestDatabase.get().settings();
        String schema = "sku_clash_" + ProcessHandle.current().pid();
        String url = shared.jdbcUrl() + (shared.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Database.Settings settings = new Database.Settings(url, shared.user(), shared.password(), 2, 3000, 3000);
        try {
            Flyway.configure().dataSource(url, shared.user(), shared.password()).schemas(schema).locations("classpath:db/migration")
                    .target("6").load().migrate();
            try (Connection c = DriverManager.getConnection(url, shared.user(), shared.password()); Statement s = c.createStatement()) {
                s.execute("insert into sweet (id, sku, name, category, price, stock, created_at) values"
                        + " (1, 'fudge', 'Fudge', 'Fudge', 1, 0, now()), (2, 'FUDGE', 'Fudge', 'Fudge', 1, 0, now()),"
                        + " (3, 'SL', 'Lemons', 'Boiled', 1, 0, now())");
            }

            assertThatThrownBy(() -> Database.migrate(settings))
                    .isInstanceOf(DatabaseStartException.class)
                    .hasMessageContaining("SKUs that differ only in case: FUDGE, fudge. Rename all but one of each");
            try (Connection c = DriverManager.getConnection(url, shared.user(), shared.password())) {
                assertThat(queryLong(c, "select count(*) from sweet")).isEqualTo(3);
                assertThat(queryLong(c, "select max(cast(version as int)) from flyway_schema_history where success and version is not null"))
                        .isEqualTo(6);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(shared.jdbcUrl(), shared.user(), shared.password()); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private static long queryLong(Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
