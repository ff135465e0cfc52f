package org.sweetshop.ui.office.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sweetshop.settings.SettingKey;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditLogFilter;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.OfficeModels;
import org.sweetshop.ui.office.OfficeTest;
import org.sweetshop.ui.office.Offices;

/** The settings tab's model against the embedded database: the owner saves, a manager cannot, a bad value sends nothing. */
class SettingsViewModelTest extends OfficeTest {

    private SettingsViewModel asOwner() {
        OfficeModels models = Offices.models(app, owner, TaskExecutor.sameThread());
        models.settings().reload();
        status = models.status();
        return models.settings();
    }

    private String snapshot() {
        return Snapshot.of(office().database().dataSource());
    }

    private org.sweetshop.AppContext office() {
        return org.sweetshop.testing.TestDatabase.get().office();
    }

    @Test
    void theFormShowsEveryValueAndWhereItComesFrom() {
        SettingsViewModel settings = asOwner();

        assertThat(settings.valueProperty(SettingKey.STORE_NAME).get()).isEqualTo("Test Sweetshop");
        assertThat(settings.valueProperty(SettingKey.CASH_ROUNDING).get()).isEqualTo("0");
        assertThat(settings.originProperty(SettingKey.CURRENCY).get()).isEqualTo("default");
    }

    @Test
    void theOwnerSavesWhatChangedOneAuditEntryEach() {
        SettingsViewModel settings = asOwner();
        settings.valueProperty(SettingKey.STORE_NAME).set("Mrs Bun's Sweets");
        settings.valueProperty(SettingKey.WEIGHT_DISPLAY).set("kg");

        settings.save();

        assertThat(status.messageProperty().get())
                .isEqualTo("Saved store.name, weight.display: every till uses them from its next log-in.");
        assertThat(app.settings().read().storeName()).isEqualTo("Mrs Bun's Sweets");
        assertThat(app.settings().read().pricePer100g()).isFalse();
        assertThat(settings.originProperty(SettingKey.STORE_NAME).get()).isEqualTo("set by owner");
        assertThat(app.auditLog().list(owner, new AuditLogFilter(AuditAction.SETTING_CHANGE, null, null, 10))).hasSize(2);

        settings.save();
        assertThat(status.messageProperty().get()).isEqualTo("Nothing to save: no setting was changed.");
    }

    @Test
    void aBadValueIsRefusedInTheStatusAndNothingIsSent() {
        SettingsViewModel settings = asOwner();
        settings.valueProperty(SettingKey.STORE_NAME).set("Fine name");
        settings.valueProperty(SettingKey.CURRENCY).set("XYZ");
        String before = snapshot();

        settings.save();

        assertThat(status.messageProperty().get())
                .isEqualTo("Currency cannot be 'XYZ': it must be an ISO 4217 currency code such as GBP, EUR or USD.");
        assertThat(status.errorProperty().get()).isTrue();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aManagerSeesThemReadOnlyAndCannotSave() {
        SettingsViewModel settings = office.settings();   // the OfficeTest's back office is a manager's
        settings.reload();
        settings.valueProperty(SettingKey.STORE_NAME).set("Mine now");
        String before = snapshot();

        settings.save();

        assertThat(settings.editable()).isFalse();
        assertThat(status.messageProperty().get()).isEqualTo(SettingsViewModel.OWNER_ONLY);
        assertThat(snapshot()).isEqualTo(before);
    }
}
