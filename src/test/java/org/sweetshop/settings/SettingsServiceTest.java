package org.sweetshop.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditEntry;
import org.sweetshop.staff.AuditLogFilter;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Race;
import org.sweetshop.testing.Snapshot;

/** The store's settings: defaults, the owner's changes, refusals that change nothing, the audit log. */
class SettingsServiceTest extends DatabaseTest {

    private List<AuditEntry> settingEntries() {
        return office.auditLog().list(owner, new AuditLogFilter(AuditAction.SETTING_CHANGE, null, null, 100));
    }

    private String snapshot() {
        return Snapshot.of(office.database().dataSource());
    }

    @Test
    void anUnsetStoreHasItsDefaultsTheNameCurrencyAndWeightFromTheTillsProperties() {
        StoreSettings settings = app.settings().read();

        assertThat(settings.settings()).extracting(Setting::key).containsExactly("store.name", "store.address", "tax.number",
                "receipt.header", "receipt.footer", "currency", "prices.include.tax", "cash.rounding", "weight.display");
        assertThat(settings.settings()).allMatch(Setting::isDefault).allMatch(s -> s.changedAt() == null && s.changedBy() == null);
        // the test configuration's store name and currency; no weight.price.per: per 100 g
        assertThat(settings.storeName()).isEqualTo("Test Sweetshop");
        assertThat(settings.currency()).isEqualTo(Currency.getInstance("GBP"));
        assertThat(settings.address()).isEmpty();
        assertThat(settings.pricesIncludeTax()).isTrue();
        assertThat(settings.cashRounding()).isEqualByComparingTo("0");
        assertThat(settings.pricePer100g()).isTrue();

        SettingsService otherTill = new SettingsService(office.database().transactor(), Clock.systemUTC(),
                () -> new SettingDefaults("Corner Shop", "EUR", false));
        assertThat(otherTill.read().storeName()).isEqualTo("Corner Shop");
        assertThat(otherTill.read().currencyCode()).isEqualTo("EUR");
        assertThat(otherTill.read().pricePer100g()).isFalse();
    }

    @Test
    void theOwnersSettingIsWhatEveryTillUsesOnceSetWithOneAuditEntry() {
        SettingsService otherTill = new SettingsService(office.database().transactor(), Clock.systemUTC(),
                () -> new SettingDefaults("Corner Shop", "EUR", false));

        office.settings().set(owner, "store.name", "  Mrs Bun's Sweets ", "T1");
        office.settings().set(owner, "currency", "eur", null);
        office.settings().set(owner, "weight.display", "KG", null);
        office.settings().set(owner, "cash.rounding", "0.1", null);
        office.settings().set(owner, "prices.include.tax", "False", null);
        StoreSettings after = office.settings().set(owner, "store.address", "1 High Street\r\nLittle Snoring", null);

        for (StoreSettings seen : List.of(after, app.settings().read(), otherTill.read())) {
            assertThat(seen.storeName()).isEqualTo("Mrs Bun's Sweets");
            assertThat(seen.currency()).isEqualTo(Currency.getInstance("EUR"));
            assertThat(seen.pricePer100g()).isFalse();
            assertThat(seen.cashRounding()).isEqualTo(new BigDecimal("0.10"));
            assertThat(seen.pricesIncludeTax()).isFalse();
            assertThat(seen.address()).isEqualTo("1 High Street\nLittle Snoring");
            assertThat(seen.get(SettingKey.STORE_NAME).isDefault()).isFalse();
            assertThat(seen.get(SettingKey.STORE_NAME).changedBy()).isEqualTo("owner");
            assertThat(seen.get(SettingKey.TAX_NUMBER).isDefault()).isTrue();
        }
        List<AuditEntry> entries = settingEntries();
        assertThat(entries).extracting(AuditEntry::subject, AuditEntry::oldValue, AuditEntry::newValue, AuditEntry::staff)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("store.address", "", "1 High Street\nLittle Snoring", "owner"),
                        org.assertj.core.groups.Tuple.tuple("prices.include.tax", "true", "false", "owner"),
                        org.assertj.core.groups.Tuple.tuple("cash.rounding", "0", "0.10", "owner"),
                        org.assertj.core.groups.Tuple.tuple("weight.display", "100g", "kg", "owner"),
                        org.assertj.core.groups.Tuple.tuple("currency", "GBP", "EUR", "owner"),
                        org.assertj.core.groups.Tuple.tuple("store.name", "Test Sweetshop", "Mrs Bun's Sweets", "owner"));
        assertThat(entries.get(entries.size() - 1).till()).isEqualTo("T1");
    }

    @Test
    void settingTheValueAKeyAlreadyHasWritesNothingButAFirstSetAtTheDefaultPinsIt() {
        office.settings().set(owner, "currency", "GBP", null);
        assertThat(app.settings().read().get(SettingKey.CURRENCY).isDefault()).isFalse();
        String before = snapshot();

        office.settings().set(owner, "currency", "gbp", null);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(settingEntries()).hasSize(1);
    }

    @Test
    void aManagerOrACashierIsRefusedAndNothingChanges() {
        String before = snapshot();

        for (Caller notOwner : List.of(manager, cashier)) {
            assertThatThrownBy(() -> office.settings().set(notOwner, "store.name", "Mine now", null))
                    .isInstanceOf(NotPermittedException.class)
                    .hasMessage("not permitted: a " + notOwner.role().label() + " cannot change the store's settings (needs an owner)");
        }
        assertThatThrownBy(() -> office.settings().set(null, "store.name", "Mine now", null))
                .isInstanceOf(NotPermittedException.class).hasMessage("not permitted: log in first");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aDeactivatedOwnerIsRefused() {
        office.staff().register(owner, "owner2", Role.OWNER, PASSWORD);
        Caller second = app.staff().login("owner2", PASSWORD);
        office.staff().deactivate(owner, "owner2");
        String before = snapshot();

        assertThatThrownBy(() -> office.settings().set(second, "store.name", "Gone", null))
                .isInstanceOf(NotPermittedException.class).hasMessage("not permitted: the account 'owner2' is no longer active");
        assertThat(snapshot()).isEqualTo(before);
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("store.name", "", "store.name cannot be '': it must be 1 to 60 characters on one line"),
                Arguments.of("store.name", "Line one\nline two", "store.name cannot be 'Line one?line two': it must be 1 to 60 characters on one line"),
                Arguments.of("store.name", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "store.name cannot be 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA...': it must be 1 to 60 characters on one line"),
                Arguments.of("tax.number", "GB\t123", "tax.number cannot be 'GB?123': it must be up to 40 characters on one line"),
                Arguments.of("receipt.footer", "Thanks\u0007", "receipt.footer cannot be 'Thanks?': it must be up to 200 characters, on several lines if need be"),
                Arguments.of("currency", "XYZ", "currency cannot be 'XYZ': it must be an ISO 4217 currency code such as GBP, EUR or USD"),
                Arguments.of("currency", "XXX", "currency cannot be 'XXX': it must be an ISO 4217 currency code such as GBP, EUR or USD"),
                Arguments.of("currency", "£", "currency cannot be '£': it must be an ISO 4217 currency code such as GBP, EUR or USD"),
                Arguments.of("prices.include.tax", "yes", "prices.include.tax cannot be 'yes': it must be true or false"),
                Arguments.of("cash.rounding", "0.2", "cash.rounding cannot be '0.2': it must be 0, 0.05 or 0.10"),
                Arguments.of("cash.rounding", "five", "cash.rounding cannot be 'five': it must be 0, 0.05 or 0.10"),
                Arguments.of("weight.display", "lb", "weight.display cannot be 'lb': it must be 100g or kg"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("badSettings")
    void aBadKeyOrValueIsRefusedNamingWhatIsAllowedAndNothingChanges(String key, String value, String message) {
        String before = snapshot();

        assertThatThrownBy(() -> office.settings().set(owner, key, value, null))
                .isInstanceOf(InvalidInputException.class).hasMessage(message);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void twoOwnersSettingOneKeyAtOnceAreAppliedOneAfterTheOtherEachEntryWithTheValueItReplaced() {
        office.staff().register(owner, "owner2", Role.OWNER, PASSWORD);
        List<Caller> owners = List.of(owner, app.staff().login("owner2", PASSWORD));

        var outcomes = Race.run(2, i -> office.settings().set(owners.get(i), "store.name", "Name " + i, null));

        assertThat(outcomes).allMatch(Race.Outcome::ok);
        List<AuditEntry> entries = settingEntries();   // newest first
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).oldValue()).isEqualTo("Test Sweetshop");
        assertThat(entries.get(0).oldValue()).isEqualTo(entries.get(1).newValue());
        assertThat(app.settings().read().storeName()).isEqualTo(entries.get(0).newValue());
    }
}
