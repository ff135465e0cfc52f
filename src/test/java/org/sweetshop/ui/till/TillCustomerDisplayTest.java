package org.sweetshop.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.display.DisplaySettings;
import org.sweetshop.display.PoleDisplay;
import org.sweetshop.display.PoleDisplaySimulator;
import org.sweetshop.testing.PtyPair;
import org.sweetshop.testing.TestDatabase;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.till.customer.CustomerPole;
import org.sweetshop.ui.till.customer.CustomerShow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The real till window on the real database with a pole display on a pseudo-terminal, wired as
 * {@link TillApp} wires it: the customer's side follows each cashier's selling screen and shows the
 * welcome between them, and a display that is away is said on the status bar until it is back.
 */
@ExtendWith(ApplicationExtension.class)
class TillCustomerDisplayTest extends TillWindowTestBase {

    private final ExecutorService displayThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "till-test-display");
        t.setDaemon(true);
        return t;
    });
    private PoleDisplay display;

    @AfterEach
    void unplug() {
        displayThread.shutdownNow();
        if (display != null) {
            display.close();
        }
    }

    @Test
    void thePoleFollowsEachCashiersSaleAndTheStatusBarSaysWhenItIsAway(FxRobot robot, @TempDir Path dir) throws Exception {
        sweet("SL", "1.20", 5);
        String store = TestDatabase.config(TestDatabase.get().dataDir()).storeName();
        PtyPair cable = PtyPair.start(dir);
        PoleDisplaySimulator sim = new PoleDisplaySimulator(cable.simEnd());
        try {
            open(robot, app);
            CustomerPole[] pole = new CustomerPole[1];
            display = new PoleDisplay(DisplaySettings.of(cable.tillPort()));
            robot.interact(() -> {
                pole[0] = new CustomerPole(display, new TaskExecutor(displayThread, Platform::runLater), (delay, action) -> { })
                        .follow(controller.customer());
                controller.window().showDeviceStatus("customer-display-status", pole[0].statusProperty());
            });
            assertThat(controller.customer().showProperty().get()).isEqualTo(new CustomerShow.Idle(store));
            assertThat(robot.lookup("#customer-display-status").query().isVisible()).isFalse();

            login(robot, "cashier");
            robot.clickOn("#tile-SL");
            sim.awaitLines("Sweet SL        1.20", "TOTAL           1.20");
            robot.clickOn("#pay-card");
            sim.awaitLines("PAID            1.20", "     Thank you");
            robot.clickOn("#overlay-close");

            cable.unplug();
            sim.close();
            robot.clickOn("#tile-SL");
            waitFor(() -> robot.lookup("#customer-display-status").query().isVisible());
            assertThat(text(robot, "#customer-display-status")).isEqualTo("Customer display: The customer display on serial port "
                    + cable.tillPort() + " stopped answering: check its cable and its power");
            robot.clickOn("#pay-card");
            waitFor(() -> text(robot, "#message").startsWith("Sale T1-000002 done"));
            robot.clickOn("#overlay-close");

            cable = PtyPair.start(dir);
            sim = new PoleDisplaySimulator(cable.simEnd());
            robot.clickOn("#logout");   // the next change tries the display again: the welcome, between two cashiers
            waitFor(() -> robot.lookup("#login").tryQuery().isPresent());
            sim.awaitLines(centred("Welcome to"), centred(store));
            waitFor(() -> !robot.lookup("#customer-display-status").query().isVisible());
            Node status = robot.lookup("#customer-display-status").query();
            assertThat(status.isManaged()).isFalse();
        } finally {
            cable.close();
            sim.close();
        }
    }

    private static String centred(String text) {
        return org.sweetshop.display.PoleText.centred(text).stripTrailing();
    }
}
