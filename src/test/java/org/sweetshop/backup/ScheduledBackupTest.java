package org.sweetshop.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.config.BackupSchedule;
import org.sweetshop.config.ConfigException;
import org.sweetshop.config.ConfigLoader;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.TestClock;

/** Scheduled backups keep the newest N of this till's files and touch nothing else in the folder. */
class ScheduledBackupTest extends DatabaseTest {

    @TempDir
    Path temp;

    @Test
    void onlyTheNewestBackupsOfThisTillAreKept() throws IOException {
        sweet("FUDGE", "1.20", 10);
        TestClock clock = TestClock.stopped();
        BackupService service = new BackupService(app.database().transactor(), clock, "test");
        BackupSchedule schedule = new BackupSchedule(temp, 2);
        Path mine = Files.writeString(temp.resolve("notes.txt"), "mine");
        Path otherTill = service.backup(manager, temp, "T2").file();

        Path first = service.scheduled(cashier, schedule, "T1").backup().file();
        clock.advance(Duration.ofHours(3));
        Path second = service.scheduled(cashier, schedule, "T1").backup().file();
        clock.advance(Duration.ofHours(3));
        ScheduledBackup third = service.scheduled(cashier, schedule, "T1");

        assertThat(third.removed()).containsExactly(first);
        assertThat(BackupRefusalTest.list(temp)).containsExactlyInAnyOrder(mine, otherTill, second, third.backup().file());
    }

    @Test
    void theDaysFirstStartTakesABackupAndTheNextDoesNot() {
        TestClock clock = TestClock.stopped();
        BackupService service = new BackupService(app.database().transactor(), clock, "test");
        BackupSchedule schedule = new BackupSchedule(temp, 3);

        assertThat(service.dailyDue(schedule, "T1")).isTrue();
        service.scheduled(cashier, schedule, "T1");
        clock.advance(Duration.ofHours(10));
        assertThat(service.dailyDue(schedule, "T1")).isFalse();
        assertThat(service.dailyDue(schedule, "T2")).isTrue();
        clock.advance(Duration.ofHours(10));
        assertThat(service.dailyDue(schedule, "T1")).isTrue();
    }

    @Test
    void aFolderThatIsGoneIsRefusedAndNothingIsRemoved() {
        assertThatThrownBy(() -> app.backups().scheduled(cashier, new BackupSchedule(temp.resolve("usb"), 1), "T1"))
                .hasMessageContaining("does not exist");
    }

    @Test
    void theSettingIsReadFromTheDataDirectory() throws IOException {
        assertThat(ConfigLoader.backupSchedule(temp, Map.of())).isNull();
        Files.writeString(temp.resolve("sweetshop.properties"), "backup.dir=/media/usb/backups\nbackup.keep=14\n");
        assertThat(ConfigLoader.backupSchedule(temp, Map.of())).isEqualTo(new BackupSchedule(Path.of("/media/usb/backups"), 14));
        assertThat(ConfigLoader.backupSchedule(temp, Map.of("SWEETSHOP_BACKUP_KEEP", "3")).keep()).isEqualTo(3);
        Files.writeString(temp.resolve("sweetshop.properties"), "backup.dir=/media/usb\n");
        assertThat(ConfigLoader.backupSchedule(temp, Map.of()).keep()).isEqualTo(BackupSchedule.DEFAULT_KEEP);
        Files.writeString(temp.resolve("sweetshop.properties"), "backup.dir=/media/usb\nbackup.keep=0\n");
        assertThatThrownBy(() -> ConfigLoader.backupSchedule(temp, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("backup.keep");
    }
}
