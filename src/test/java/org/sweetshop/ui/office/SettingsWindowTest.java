package org.sweetshop.ui.office;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.sweetshop.settings.SettingKey;
import org.sweetshop.ui.office.settings.SettingsTab;
import org.sweetshop.ui.office.settings.SettingsViewModel;
import org.sweetshop.ui.till.TillWindowTestBase;
import org.testfx.api.FxRobot;

/** The back office's Settings tab in the real window, headless: the owner saves, a manager only reads. */
class SettingsWindowTest extends TillWindowTestBase {

    private void openSettings(FxRobot robot, String username) throws Exception {
        sweet("SL", "1.20", 5);
        open(robot, app);
        login(robot, username);
        robot.clickOn("#back-office");
        waitFor(() -> robot.lookup("#tab-settings").tryQuery().isPresent());
        robot.clickOn("#tab-settings");
        waitFor(() -> robot.lookup("#" + SettingsTab.id(SettingKey.STORE_NAME)).<TextField>query().getText().equals("Test Sweetshop"));
    }

    @Test
    void theOwnerChangesTheStoreNameAndEveryTillReadsIt(FxRobot robot) throws Exception {
        openSettings(robot, "owner");

        TextField name = robot.lookup("#" + SettingsTab.id(SettingKey.STORE_NAME)).query();
        robot.interact(name::clear);
        robot.clickOn(name).write("Mrs Bun's Sweets");
        robot.clickOn("#save-settings");

        waitFor(() -> text(robot, "#office-message").equals("Saved store.name: every till uses it from its next log-in."));
        assertThat(app.settings().read().storeName()).isEqualTo("Mrs Bun's Sweets");
        assertThat(app.settings().read().get(SettingKey.STORE_NAME).changedBy()).isEqualTo("owner");
    }

    @Test
    void aManagerSeesTheSettingsReadOnlyWithTheReason(FxRobot robot) throws Exception {
        openSettings(robot, "manager");

        assertThat(robot.lookup("#" + SettingsTab.id(SettingKey.STORE_NAME)).<TextField>query().isDisabled()).isTrue();
        assertThat(robot.lookup("#save-settings").query().isVisible()).isFalse();
        assertThat(text(robot, "#settings-note")).isEqualTo(SettingsViewModel.OWNER_ONLY);
        assertThat(app.settings().read().get(SettingKey.STORE_NAME).isDefault()).isTrue();
    }
}
