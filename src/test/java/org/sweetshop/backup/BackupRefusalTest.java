package org.sweetshop.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.AppContext;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.common.Discount;
import org.sweetshop.db.Database;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.TcpProxy;
import org.sweetshop.testing.TestDatabase;

/** A backup that cannot be written where asked is refused and leaves nothing there. */
class BackupRefusalTest extends DatabaseTest {

    @TempDir
    Path temp;

    private BackupService at(String instant) {
        return new BackupService(app.database().transactor(), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), "test");
    }

    @Test
    void aBackupNeverOverwritesAnExistingFile() throws IOException {
        sweet("FUDGE", "1.20", 10);
        BackupService service = at("2026-12-01T21:30:05Z");
        BackupResult first = service.backup(manager, temp, "T1");
        assertThat(first.file()).isEqualTo(temp.resolve("sweetshop-backup-T1-20261201-213005.zip"));
        byte[] bytes = Files.readAllBytes(first.file());

        assertThatThrownBy(() -> service.backup(manager, temp, "T1"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("exists already");

        assertThat(Files.readAllBytes(first.file())).isEqualTo(bytes);
        assertThat(list(temp)).containsExactly(first.file());
    }

    @Test
    void aMissingFolderOrAFileIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> app.backups().backup(manager, temp.resolve("missing"), "T1"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> app.backups().backup(manager, file, "T1"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a folder");
        assertThat(list(temp)).containsExactly(file);
        assertThat(Files.exists(temp.resolve("missing"))).isFalse();
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefusedAndLeftEmpty() throws Exception {
        Path readOnly = Files.createDirectory(temp.resolve("read-only"));
        // root writes through permissions; an immutable folder (ext4's chattr +i) stops root too
        boolean immutable = new ProcessBuilder("chattr", "+i", readOnly.toString()).start().waitFor() == 0;
        if (!immutable) {
            readOnly.toFile().setWritable(false, false);
        }
        try {
            Assumptions.assumeFalse(canWrite(readOnly), "this machine cannot make a folder read-only");
            assertThatThrownBy(() -> app.backups().backup(manager, readOnly, "T1"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("not writable");
            assertThat(list(readOnly)).isEmpty();
        } finally {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", readOnly.toString()).start().waitFor();
            }
            readOnly.toFile().setWritable(true, false);
        }
    }

    /** A disk that fills up mid-backup: a 64 kB tmpfs where root may mount one; skipped elsewhere. */
    @Test
    void aDiskThatFillsUpLeavesNoHalfWrittenFile() throws Exception {
        sweet("FUDGE", "1.20", 10);
        app.coupons().issue(manager, 3_000, Discount.percent(new BigDecimal("5")), null); // ~200 kB of random hashes
        Path tiny = Files.createDirectory(temp.resolve("tiny"));
        boolean mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", tiny.toString())
                .redirectErrorStream(true).start().waitFor() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a small tmpfs here");
        try {
            assertThatThrownBy(() -> app.backups().backup(manager, tiny, "T1"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("No space left on device")
                    .hasMessageContaining("nothing was left there");
            assertThat(list(tiny)).isEmpty();
        } finally {
            new ProcessBuilder("umount", tiny.toString()).start().waitFor();
        }
    }

    @Test
    void onlyAManagerOrAnOwnerMayTakeABackup() throws IOException {
        assertThatThrownBy(() -> app.backups().backup(cashier, temp, "T1")).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> app.backups().backup(null, temp, "T1")).isInstanceOf(NotPermittedException.class);
        assertThat(list(temp)).isEmpty();
    }

    @Test
    void theCommandPrintsTheFileItsSizeAndTheRowCounts() throws IOException {
        sweet("FUDGE", "1.20", 10);
        app.sales().checkout(cashier, basket("T1", List.of(line("FUDGE", 2))));

        CliRunner.Result result = new CliRunner().run("backup", "--to", temp.toString(), "--as", "manager", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Path file = list(temp).get(0);
        assertThat(result.out()).contains("\"file\":\"" + file + "\"").contains("\"bytes\":" + Files.size(file))
                .contains("\"sale\":1").contains("\"sale_line\":1").contains("\"staff\":3").contains("\"schemaVersion\":\"");
        assertThat(file.getFileName().toString()).startsWith("sweetshop-backup-store-");
    }

    @Test
    void theCommandsRefusalsHaveTheirExitCodes() throws IOException {
        CliRunner cli = new CliRunner();
        assertThat(cli.run("backup", "--to", temp.toString()).exitCode()).isEqualTo(2); // no --as
        CliRunner.Result cashierTried = cli.run("backup", "--to", temp.toString(), "--as", "cashier");
        assertThat(cashierTried.exitCode()).isEqualTo(3);
        assertThat(cashierTried.err()).contains("cannot take a backup");
        CliRunner.Result missing = cli.run("backup", "--to", temp.resolve("nowhere").toString(), "--as", "manager");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
        assertThat(list(temp)).isEmpty();
    }

    @Test
    void badPathsAreRefusedAsInvalidInputAndWriteNothing() throws IOException {
        CliRunner cli = new CliRunner();
        String huge = temp + "/" + "x".repeat(10_000);
        for (List<String> args : List.of(
                List.of("backup", "--to", "", "--as", "manager"),
                List.of("backup", "--to", huge, "--as", "manager"),
                List.of("backup", "--to", temp + "/a\u0000b", "--as", "manager"),
                List.of("restore", "--from", "", "--data-dir", temp.resolve("r").toString()),
                List.of("restore", "--from", huge, "--data-dir", temp.resolve("r").toString()),
                List.of("restore", "--from", temp.toString(), "--data-dir", temp.resolve("r").toString()))) {
            CliRunner.Result result = cli.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(args.get(0) + " " + result.err()).isEqualTo(2);
            assertThat(result.err().lines().count()).as(result.err()).isLessThanOrEqualTo(2);
        }
        assertThat(list(temp)).isEmpty();
    }

    @Test
    void anUnreachableDatabaseExitsFiveAndWritesNothing() throws IOException {
        CliRunner.Result result = new CliRunner().realContexts().env("SWEETSHOP_DB_PASSWORD", "x")
                .run("--db", "jdbc:postgresql://127.0.0.1:9/sweetshop", "backup", "--to", temp.toString(), "--as", "manager");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(5);
        assertThat(result.err()).contains("unreachable");
        assertThat(list(temp)).isEmpty();
    }

    /** The connection dies after every table was read, before the snapshot's transaction ends: no file. */
    @Test
    void aConnectionLostDuringTheBackupLeavesNoFile() throws Exception {
        sweet("FUDGE", "1.20", 10);
        var shared = TestDatabase.get().settings();
        try (TcpProxy proxy = TcpProxy.inFrontOf(shared.jdbcUrl());
             Database database = Database.open(new Database.Settings(
                     proxy.jdbcUrl(shared.jdbcUrl()), shared.user(), shared.password(), 2, 5000, 5000),
                     AppContext.entities())) {
            BackupService service = new BackupService(database.transactor(), Clock.systemUTC(), "test");
            database.transactor().setBeforeCommit(proxy::cut);

            assertThatThrownBy(() -> service.backup(manager, temp, "T1"))
                    .isInstanceOf(DatabaseUnreachableException.class);

            assertThat(list(temp)).isEmpty();
        }
    }

    private static boolean canWrite(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
