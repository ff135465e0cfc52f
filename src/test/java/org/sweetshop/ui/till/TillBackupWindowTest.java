package org.sweetshop.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.config.BackupSchedule;
import org.sweetshop.testing.TestDatabase;
import org.sweetshop.ui.common.TaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real till window with scheduled backups to a USB drive that is not plugged in: the day's
 * first log-in says its backup failed on the open-shift screen, the shift closes all the same and
 * its Z report says the shift's backup failed too, in red.
 */
class TillBackupWindowTest extends TillWindowTestBase {

    @TempDir
    Path temp;

    private ExecutorService backups;

    @AfterEach
    void stopBackups() {
        if (backups != null) {
            backups.shutdownNow();
        }
    }

    @Test
    void aMissingBackupDriveIsToldOnTheTillAndTheShiftStillCloses(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        Path usb = temp.resolve("usb-drive");
        TaskExecutor tasks = new TaskExecutor(background, Platform::runLater);
        backups = TillApp.backgroundExecutor();
        TaskExecutor backupTasks = new TaskExecutor(backups, Platform::runLater);
        model = new TillViewModel("T1", () -> TillApp.services(app, new BackupSchedule(usb, 3)), tasks, backupTasks);
        FxToolkit.setupStage(stage -> {
            controller = new TillController(model, tasks, TestDatabase.config(TestDatabase.get().dataDir()), clock::get);
            stage.setScene(TillApp.scene(controller.window()));
            controller.attach(stage);
            stage.show();
        });
        WaitForAsyncUtils.asyncFx(model::start).get(5, TimeUnit.SECONDS);
        waitFor(() -> robot.lookup("#login").tryQuery().isPresent());

        robot.clickOn("#username").write("cashier");
        robot.clickOn("#password").write(PASSWORD);
        robot.clickOn("#login");
        waitFor(() -> robot.lookup("#float").tryQuery().isPresent() && robot.lookup("#backup-status").tryQuery().isPresent()
                && text(robot, "#backup-status").startsWith("Daily backup failed: "));
        assertThat(text(robot, "#backup-status")).isEqualTo("Daily backup failed: Cannot back up to " + usb
                + ": the folder does not exist. Check the backup drive (" + usb + ").");
        robot.clickOn("#float").write("20.00");
        robot.clickOn("#open-shift");
        waitFor(() -> robot.lookup("#tile-SL").tryQuery().isPresent());

        robot.clickOn("#close-shift");
        robot.clickOn("#counted-cash").write("20.00");
        robot.clickOn("#close-shift-confirm");
        waitFor(() -> robot.lookup("#z-report-text").tryQuery().isPresent()
                && text(robot, "#backup-status").startsWith("Backup failed: "));

        assertThat(app.shifts().current("T1")).isEmpty();
        assertThat(text(robot, "#backup-status")).isEqualTo("Backup failed: Cannot back up to " + usb
                + ": the folder does not exist. Check the backup drive (" + usb + ").");
        assertThat(robot.lookup("#backup-status").queryLabeled().getStyleClass()).contains("status-down");
        assertThat(usb).doesNotExist();
        assertThat(Files.list(temp).count()).isZero();
    }
}
