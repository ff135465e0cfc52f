package org.sweetshop.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.AppContext;
import org.sweetshop.config.BackupSchedule;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.TestClock;
import org.sweetshop.testing.TestDatabase;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * The till's scheduled backups through its view model, on the real services and database: one
 * after every shift close (the newest N kept), one at the day's first log-in, none without a
 * backup folder; a backup that fails leaves the shift closed and says so. A clock the test moves
 * on names the files.
 */
class TillScheduledBackupTest extends DatabaseTest {

    private static final TaskExecutor SAME_THREAD = TaskExecutor.sameThread();

    @TempDir
    Path temp;

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T08:00:00Z"), Duration.ofSeconds(60));

    /** The till's services on the test database, with this clock and this schedule (never closed: the database is shared). */
    private TillViewModel till(BackupSchedule schedule, TaskExecutor backups) {
        AppContext clocked = new AppContext(TestDatabase.config(temp.resolve("data")), null, app.database(), TestDatabase.FAST_HASHER, clock);
        TillServices services = TillApp.services(clocked, schedule);
        TillViewModel model = new TillViewModel("T1", () -> services, SAME_THREAD, backups);
        model.start();
        return model;
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void shift(TillViewModel model) {
        model.openShift("20.00");
        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.SELLING);
        model.closeShift("20.00");
        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.Z_REPORT);
        assertThat(app.shifts().current("T1")).isEmpty();
    }

    @Test
    void everyShiftCloseWritesOneBackupAndOnlyTheNewestAreKept() throws IOException {
        sweet("FUDGE", "1.20", 10);
        Path usb = Files.createDirectory(temp.resolve("usb"));
        Path notes = Files.writeString(usb.resolve("notes.txt"), "not a backup");
        TillViewModel model = till(new BackupSchedule(usb, 2), SAME_THREAD);
        model.login("cashier", PASSWORD);
        // the day's first log-in took the daily one
        assertThat(files(usb)).hasSize(2).contains("notes.txt");
        assertThat(model.backupProperty().get()).startsWith("Daily backup saved to " + usb.resolve("sweetshop-backup-T1-"));

        List<String> before = files(usb);
        shift(model);
        List<String> after = files(usb);
        assertThat(after).hasSize(3).containsAll(before);
        String written = after.stream().filter(f -> !before.contains(f)).findFirst().orElseThrow();
        assertThat(written).matches("sweetshop-backup-T1-\\d{8}-\\d{6}\\.zip");
        assertThat(model.backupProperty().get()).isEqualTo("Backup saved to " + usb.resolve(written));

        // two more closes: the newest two of this till's are kept, the other file is never touched
        model.logout();
        model.login("cashier", PASSWORD);
        shift(model);
        model.logout();
        model.login("cashier", PASSWORD);
        shift(model);
        List<String> kept = files(usb);
        assertThat(kept).hasSize(3).contains("notes.txt");
        assertThat(Files.readString(notes)).isEqualTo("not a backup");
        String newest = model.backupProperty().get().substring(model.backupProperty().get().lastIndexOf('/') + 1);
        assertThat(kept).contains(newest).doesNotContain(written);
    }

    @Test
    void aShiftWhoseBackupFailsIsClosedAndTheTillSaysTheBackupFailed() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        Path missing = temp.resolve("usb-drive-not-plugged-in");
        for (Path dir : List.of(missing, file)) {
            TillViewModel model = till(new BackupSchedule(dir, 3), SAME_THREAD);
            model.login("manager", PASSWORD);
            assertThat(model.backupProperty().get()).startsWith("Daily backup failed: Cannot back up to " + dir);

            shift(model);

            assertThat(model.zReportProperty().get()).isNotNull();
            assertThat(model.backupProperty().get()).startsWith("Backup failed: Cannot back up to " + dir)
                    .endsWith("Check the backup drive (" + dir + ").");
            model.logout();
        }
        assertThat(missing).doesNotExist();
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(zipsUnder(temp)).isEmpty();
    }

    private static List<Path> zipsUnder(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".zip") || p.getFileName().toString().startsWith(".")).toList();
        }
    }

    @Test
    void closingTheShiftNeverWaitsForItsBackup() throws IOException {
        Path usb = Files.createDirectory(temp.resolve("usb"));
        Queue<Runnable> pending = new ArrayDeque<>();
        TillViewModel model = till(new BackupSchedule(usb, 5), new TaskExecutor(pending::add, Runnable::run));
        model.login("cashier", PASSWORD);
        pending.poll().run(); // the daily one
        assertThat(files(usb)).hasSize(1);

        shift(model);

        // the Z report is up and the shift closed while the backup has not even started
        assertThat(model.backupProperty().get()).isEqualTo("Backup to " + usb + "…");
        assertThat(files(usb)).hasSize(1);
        assertThat(model.busyProperty().get()).isFalse();
        pending.poll().run();
        assertThat(files(usb)).hasSize(2);
        assertThat(model.backupProperty().get()).startsWith("Backup saved to ");
        assertThat(pending).isEmpty();
    }

    @Test
    void theDailyBackupIsTakenOnceADay() throws IOException {
        Path usb = Files.createDirectory(temp.resolve("usb"));
        TillViewModel model = till(new BackupSchedule(usb, 7), SAME_THREAD);
        model.login("cashier", PASSWORD);
        assertThat(files(usb)).hasSize(1);
        model.logout();
        model.login("manager", PASSWORD);
        model.logout();
        // the till started again the same day: no second one
        TillViewModel restarted = till(new BackupSchedule(usb, 7), SAME_THREAD);
        restarted.login("cashier", PASSWORD);
        assertThat(files(usb)).hasSize(1);
        assertThat(restarted.backupProperty().get()).isEmpty();

        clock.advance(Duration.ofDays(1));
        restarted.logout();
        restarted.login("cashier", PASSWORD);
        assertThat(files(usb)).hasSize(2);
        assertThat(restarted.backupProperty().get()).startsWith("Daily backup saved to ");
    }

    @Test
    void withoutABackupFolderNothingIsWrittenOrShown() throws IOException {
        TillViewModel model = till(null, SAME_THREAD);
        model.login("cashier", PASSWORD);
        shift(model);
        assertThat(model.backupProperty().get()).isEmpty();
        assertThat(zipsUnder(temp)).isEmpty();
    }
}
