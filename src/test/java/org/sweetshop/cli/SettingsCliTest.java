package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;

/** {@code settings show} and {@code settings set}: outputs, refusals with their exit codes, the audit log. */
class SettingsCliTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliRunner cli = new CliRunner();

    private String snapshot() {
        return Snapshot.of(office.database().dataSource());
    }

    @Test
    void showListsEveryKeyWithItsValueAndWhetherItIsTheDefault() throws IOException {
        var shown = cli.run("settings", "show");

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        // the test store's configuration: its store name and currency
        assertThat(shown.out()).isEqualTo("""
                store.name = Test Sweetshop (default)
                store.address =  (default)
                tax.number =  (default)
                receipt.header =  (default)
                receipt.footer =  (default)
                currency = GBP (default)
                prices.include.tax = true (default)
                cash.rounding = 0 (default)
                weight.display = 100g (default)
                """);

        var json = cli.run("settings", "show", "--json");
        JsonNode all = JSON.readTree(json.out());
        assertThat(all).hasSize(9);
        assertThat(all.get(5).get("key").asText()).isEqualTo("currency");
        assertThat(all.get(5).get("value").asText()).isEqualTo("GBP");
        assertThat(all.get(5).get("default").asBoolean()).isTrue();
        assertThat(all.get(5).get("changedBy").isNull()).isTrue();
    }

    @Test
    void theOwnerSetsAKeyShowShowsItAndTheAuditLogHasTheChange() throws IOException {
        var set = cli.run("settings", "set", "currency", "eur", "--as", "owner");
        var address = cli.run("settings", "set", "store.address", "1 High Street\nLittle Snoring", "--as", "owner", "--json");
        var shown = cli.run("settings", "show");
        var log = cli.run("audit-log", "--action", "setting-change", "--as", "owner", "--json");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).isEqualTo("currency = EUR\n");
        assertThat(address.exitCode()).as(address.err()).isZero();
        assertThat(JSON.readTree(address.out()).get("value").asText()).isEqualTo("1 High Street\nLittle Snoring");
        assertThat(JSON.readTree(address.out()).get("changedBy").asText()).isEqualTo("owner");
        assertThat(shown.out()).contains("currency = EUR\n").contains("store.address = 1 High Street\\nLittle Snoring\n")
                .contains("store.name = Test Sweetshop (default)\n");
        assertThat(app.settings().read().currencyCode()).isEqualTo("EUR");
        JsonNode entries = JSON.readTree(log.out());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).get("subject").asText()).isEqualTo("currency");
        assertThat(entries.get(1).get("oldValue").asText()).isEqualTo("GBP");
        assertThat(entries.get(1).get("newValue").asText()).isEqualTo("EUR");
        assertThat(entries.get(1).get("staff").asText()).isEqualTo("owner");
    }

    @Test
    void aSaleOnTheCommandLineIsHeadedWithTheStoresSettingsNotThisTillsConfiguration() throws IOException {
        sweet("SL", "1.20", 10);
        var before = cli.run("sell", "--till", "T3", "--as", "cashier", "--item", "SL:1", "--pay", "card");
        cli.run("settings", "set", "store.name", "Sugar Plum Sweets", "--as", "owner");
        cli.run("settings", "set", "currency", "EUR", "--as", "owner");

        var after = cli.run("sell", "--till", "T3", "--as", "cashier", "--item", "SL:1", "--pay", "card");

        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(before.out().lines().findFirst().orElse("").strip()).isEqualTo("Sweetshop");   // this till's own configuration
        assertThat(before.out()).contains("TOTAL GBP");
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out().lines().findFirst().orElse("").strip()).isEqualTo("Sugar Plum Sweets");
        assertThat(after.out()).contains("TOTAL EUR").doesNotContain("GBP");
    }

    @Test
    void aBadKeyOrValueExitsTwoAndAManagerExitsThreeAndNothingChanges() throws IOException {
        String before = snapshot();

        var badKey = cli.run("settings", "set", "colour", "pink", "--as", "owner");
        var badValue = cli.run("settings", "set", "cash.rounding", "0.2", "--as", "owner", "--json");
        var manager = cli.run("settings", "set", "store.name", "Mine now", "--as", "manager");
        var noValue = cli.run("settings", "set", "store.name", "--as", "owner");

        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.err()).startsWith("there is no store setting called 'colour': the settings are store.name, store.address");
        assertThat(badValue.exitCode()).isEqualTo(2);
        assertThat(badValue.err()).isEqualTo("cash.rounding cannot be '0.2': it must be 0, 0.05 or 0.10\n");
        assertThat(JSON.readTree(badValue.out()).get("error").asText()).isEqualTo("INVALID_INPUT");
        assertThat(JSON.readTree(badValue.out()).get("details").get("field").asText()).isEqualTo("cash.rounding");
        assertThat(manager.exitCode()).isEqualTo(3);
        assertThat(manager.err()).isEqualTo("not permitted: a manager cannot change the store's settings (needs an owner)\n");
        assertThat(noValue.exitCode()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo(before);
    }
}
