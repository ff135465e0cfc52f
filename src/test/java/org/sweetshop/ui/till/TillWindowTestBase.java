package org.sweetshop.ui.till;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sweetshop.AppContext;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.TestDatabase;
import org.sweetshop.testing.Fx;
import org.sweetshop.ui.common.TaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The real till window on the real database, headless: opening it, logging in, waiting for it. */
@ExtendWith(ApplicationExtension.class)
public abstract class TillWindowTestBase extends DatabaseTest {

    protected static final long MS = 1_000_000L;
    /** The size each window test starts at (a test of another size sets its own after {@link #open}). */
    protected static final double WIDTH = 1280;
    protected static final double HEIGHT = 800;

    /** The scanner gun's clock: the test says how far apart keys come. */
    protected final AtomicLong clock = new AtomicLong(1_000 * MS);
    protected ExecutorService background;
    protected TillViewModel model;
    protected TillController controller;

    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
        background = TillApp.backgroundExecutor();
    }

    @AfterEach
    void stop() throws Exception {
        if (controller != null) {
            WaitForAsyncUtils.asyncFx(controller::close).get(5, TimeUnit.SECONDS);
        }
        FxToolkit.cleanupStages();
        background.shutdownNow();
    }

    protected void open(FxRobot robot, AppContext context) throws Exception {
        TaskExecutor tasks = new TaskExecutor(background, javafx.application.Platform::runLater);
        model = new TillViewModel("T1", () -> TillApp.services(context), tasks);
        FxToolkit.setupStage(stage -> {
            controller = new TillController(model, tasks, TestDatabase.config(TestDatabase.get().dataDir()), clock::get);
            stage.setScene(TillApp.scene(controller.window()));
            // the primary stage is shared by every window test: each starts at the same size, whatever the last one left
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            controller.attach(stage);
            stage.show();
        });
        WaitForAsyncUtils.asyncFx(model::start).get(5, TimeUnit.SECONDS);
        waitFor(() -> robot.lookup("#login").tryQuery().isPresent());
    }

    protected void login(FxRobot robot, String username) {
        robot.clickOn("#username").write(username);
        robot.clickOn("#password").write(PASSWORD);
        robot.clickOn("#login");
        waitFor(() -> robot.lookup("#float").tryQuery().isPresent() || robot.lookup("#tiles").tryQuery().isPresent());
        if (robot.lookup("#float").tryQuery().isPresent()) {
            robot.clickOn("#float").write("20.00");
            robot.clickOn("#open-shift");
        }
        waitFor(() -> robot.lookup("#tiles").tryQuery().isPresent() && robot.lookup("#tile-SL").tryQuery().isPresent());
    }

    protected static void waitFor(java.util.concurrent.Callable<Boolean> condition) {
        Fx.waitFor(condition);
    }

    protected static String text(FxRobot robot, String query) {
        return Fx.text(robot, query);
    }
}
