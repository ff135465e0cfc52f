package org.sweetshop.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sweetshop.settings.StoreSettings;
import org.testfx.api.FxRobot;

/** The till uses the store's settings read at log-in, and its own properties while they are unset. */
class TillStoreSettingsTest extends TillWindowTestBase {

    @Test
    void unsetTheTillKeepsItsOwnPropertiesSetItUsesTheStoresFromTheNextLogIn(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        open(robot, app);
        login(robot, "cashier");

        // the test till's properties: Test Sweetshop, GBP, per 100 g
        StoreSettings before = model.storeSettings().orElseThrow();
        assertThat(before.storeName()).isEqualTo("Test Sweetshop");
        assertThat(controller.window().selling().model().pricePer100g()).isTrue();

        office.settings().set(owner, "weight.display", "kg", null);
        office.settings().set(owner, "store.name", "Mrs Bun's Sweets", null);
        assertThat(controller.window().selling().model().pricePer100g()).as("read once, at log-in").isTrue();

        controller.close();
        open(robot, app);
        login(robot, "cashier");

        assertThat(model.storeSettings().orElseThrow().storeName()).isEqualTo("Mrs Bun's Sweets");
        assertThat(controller.window().selling().model().pricePer100g()).isFalse();
    }
}
