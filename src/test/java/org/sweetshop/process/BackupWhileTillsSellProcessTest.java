package org.sweetshop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.AppContext;
import org.sweetshop.Launcher;
import org.sweetshop.process.TillWorker.Command;
import org.sweetshop.process.TillWorker.Result;
import org.sweetshop.process.TillWorker.Task;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.JavaProcess;
import org.sweetshop.testing.Poll;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestDatabase;

/**
 * The done-when test with processes: three till JVMs sell (one barrier across them) while
 * {@code sweetshop backup} runs as a JVM of its own against the store server's URL, and a fourth
 * till holds a sale written but not committed for the whole backup. The restored database holds
 * every sale committed before the backup started, each once, nothing that did not commit (the held
 * sale is not in it, and the backup did not wait for its locks), and passes the audit.
 */
class BackupWhileTillsSellProcessTest extends DatabaseTest {

    private static final int TILLS = 3;
    private static final int SALES_PER_TILL = 800;

    @TempDir
    Path temp;

    @Test
    void aBackupProcessTakenWhileTillProcessesSellRestoresEverySaleCommittedBeforeIt() throws Exception {
        sweet("P1", "1.00", 100_000);
        sweet("P2", "0.50", 100_000);
        sweet("HELD", "2.00", 100);
        UUID held = UUID.randomUUID();
        Path backups = Files.createDirectory(temp.resolve("backups"));
        DataSource live = app.database().dataSource();
        Set<UUID> committedBefore;
        Set<UUID> sold = new HashSet<>();
        List<Result> results;
        int backupExit;
        String backupOut;
        try (Tills tills = Tills.start("bk", TILLS + 1, 30_000, 10)) {
            JavaProcess holder = tills.process(TILLS);
            holder.send(Tills.json(new Command("hold", List.of(Task.sale(held, "H1", List.of(line("HELD", 1)), null, null)))));
            holder.awaitLineStartingWith("LOCKED " + held, Tills.ARM);

            for (int t = 0; t < TILLS; t++) {
                List<Task> tasks = new ArrayList<>();
                for (int i = 0; i < SALES_PER_TILL; i++) {
                    UUID saleId = UUID.randomUUID();
                    sold.add(saleId);
                    tasks.add(Task.sale(saleId, "P" + t, List.of(line("P1", 1 + i % 3), line("P2", 1)), null, null));
                }
                tills.process(t).send(Tills.json(new Command("race", tasks)));
            }
            for (int t = 0; t < TILLS; t++) {
                tills.process(t).awaitLine("ARMED"::equals, Tills.ARM, "ARMED");
            }
            for (int t = 0; t < TILLS; t++) {
                tills.process(t).send("GO");
            }
            // selling has begun: what is committed now was committed before the backup starts
            Poll.until(Duration.ofSeconds(120), () -> Sql.queryLong(live, "select count(*) from sale") >= 20,
                    () -> Sql.queryLong(live, "select count(*) from sale") + " sales");
            committedBefore = saleIds(live);

            JavaProcess backup = JavaProcess.start("backup", Launcher.class,
                    List.of("--data-dir", temp.resolve("backup-process").toString(), "backup", "--to", backups.toString(),
                            "--as", "manager", "--json"),
                    JavaProcess.env(TestDatabase.get().env(), "SWEETSHOP_PASSWORD", PASSWORD, "SWEETSHOP_TERMINAL", "OFFICE"));
            backupExit = backup.awaitExit(Duration.ofSeconds(180));
            backupOut = backup.stdout();
            results = new ArrayList<>();
            for (int t = 0; t < TILLS; t++) {
                results.add(Tills.result(tills.process(t)));
            }
            assertThat(holder.kill()).isEqualTo(137);
        }
        assertThat(backupExit).as(backupOut).isZero();
        assertThat(results).allSatisfy(r -> assertThat(r.counts()).isEqualTo(Map.of("OK", (long) SALES_PER_TILL)));
        Set<UUID> allCommitted = saleIds(live);
        assertThat(allCommitted).isEqualTo(sold).doesNotContain(held);

        Path file;
        try (Stream<Path> files = Files.list(backups)) {
            file = files.filter(p -> p.getFileName().toString().startsWith("sweetshop-backup-OFFICE-")).findFirst().orElseThrow();
        }
        assertThat(backupOut).contains("\"file\":\"" + file + "\"");
        // restored by the real program too: its launcher puts logs/ in the new data directory first
        JavaProcess restore = JavaProcess.start("restore", Launcher.class,
                List.of("restore", "--from", file.toString(), "--data-dir", temp.resolve("restored").toString(), "--json"), Map.of());
        int restoreExit = restore.awaitExit(Duration.ofSeconds(180));
        assertThat(restoreExit).as(restore.stdout()).isZero();
        assertThat(restore.stdout()).contains("\"auditOk\":true");
        List<UUID> inBackup = new ArrayList<>();
        try (AppContext copy = AppContext.open(TestDatabase.config(temp.resolve("restored")));
             Connection c = copy.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from sale")) {
            while (rs.next()) {
                inBackup.add(rs.getObject(1, UUID.class));
            }
            c.rollback();
        }
        assertThat(new HashSet<>(inBackup)).hasSameSizeAs(inBackup);
        assertThat(inBackup).containsAll(committedBefore).doesNotContain(held);
        assertThat(allCommitted).containsAll(inBackup);
        System.out.printf("committed before the backup %d, in the backup %d, committed in all %d%n",
                committedBefore.size(), inBackup.size(), allCommitted.size());
        assertThat(app.audit().run().ok()).isTrue();
    }

    private static Set<UUID> saleIds(DataSource dataSource) throws Exception {
        Set<UUID> ids = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from sale")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
            c.rollback();
        }
        return ids;
    }
}
