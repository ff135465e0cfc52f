package org.sweetshop.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.bench.ReportBenchmark;
import org.sweetshop.db.EmbeddedDatabase;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.TestDatabase;

/**
 * Not a check: how long a backup and a restore of 100 000 sales take and how large the file is.
 * Runs only with {@code -Dsweetshop.measure=true}; the figures are in docs/DESIGN.md (Backups).
 */
class BackupMeasurement extends DatabaseTest {

    @TempDir
    Path temp;

    @Test
    void backupAndRestoreOfAHundredThousandSales() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("sweetshop.measure"), "a measurement: -Dsweetshop.measure=true");
        TestDatabase.get().reset();
        List<String> progress = new ArrayList<>();
        new ReportBenchmark(app, progress::add).run(new ReportBenchmark.Options(100_000, 1, 0));
        Caller bench = new Caller(Sql.queryLong(app.database().dataSource(), "select id from staff where username = 'bench'"),
                "bench", Role.OWNER);
        long t0 = System.nanoTime();
        BackupResult backup = app.backups().backup(bench, temp, "T1");
        double backupSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        RestoreResult restored = Restore.into(backup.file(), temp.resolve("restored"), EmbeddedDatabase.Options.local());
        double restoreSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("backup of %s rows: %.1f s, %d bytes; restore (durable, first start of a new data directory"
                + " included, audit included): %.1f s, audit ok %s%n", backup.rows(), backupSeconds, Files.size(backup.file()),
                restoreSeconds, restored.audit().ok());
    }
}
