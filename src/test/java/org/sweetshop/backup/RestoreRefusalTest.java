package org.sweetshop.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.db.EmbeddedDatabase;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.TestDatabase;

/** A restore that cannot be made changes nothing: the target is left as it was found, the message says why. */
class RestoreRefusalTest extends DatabaseTest {

    @TempDir
    Path temp;

    private Path backup;

    @BeforeEach
    void aBackupOfAStoreWithASale() {
        sweet("FUDGE", "1.20", 10);
        app.sales().checkout(cashier, basket("T1", List.of(line("FUDGE", 2))));
        backup = app.backups().backup(manager, Files.isDirectory(temp.resolve("backups")) ? temp.resolve("backups") : mkdir("backups"),
                "T1").file();
    }

    @Test
    void aDataDirectoryThatHoldsAnythingIsRefusedAndLeftAsItWas() throws IOException {
        Path used = mkdir("used");
        Files.writeString(used.resolve("sweetshop.properties"), "store.name=Corner Shop\n");

        assertThatThrownBy(() -> Restore.into(backup, used, EmbeddedDatabase.Options.local().notDurable()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not empty");
        assertThat(BackupRefusalTest.list(used)).containsExactly(used.resolve("sweetshop.properties"));
        assertThat(Files.readString(used.resolve("sweetshop.properties"))).isEqualTo("store.name=Corner Shop\n");

        // the running store's own data directory, through the command line
        CliRunner.Result result = new CliRunner().run("restore", "--from", backup.toString(),
                "--data-dir", TestDatabase.get().dataDir().toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("not empty");
    }

    @Test
    void aTruncatedFileIsRefusedAndTheNewFolderRemoved() throws IOException {
        byte[] bytes = Files.readAllBytes(backup);
        Path truncated = Files.write(temp.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path target = temp.resolve("restored");

        assertThatThrownBy(() -> Restore.into(truncated, target, EmbeddedDatabase.Options.local().notDurable()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("damaged or incomplete");
        assertThat(target).doesNotExist();

        Path text = Files.writeString(temp.resolve("notes.zip"), "not a backup");
        CliRunner.Result result = new CliRunner().run("restore", "--from", text.toString(), "--data-dir", target.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("not a Sweetshop backup");
        assertThat(target).doesNotExist();
    }

    /** Rows that do not match their checksum are found after the database was started: all of it goes again. */
    @Test
    void aDamagedTableIsRefusedAfterLoadingAndTheFolderLeftEmpty() throws IOException {
        Path damaged = rewrite(backup, "damaged.zip", (name, data) -> name.endsWith("-sweet.tsv")
                ? new String(data, StandardCharsets.UTF_8).replace("Sweet FUDGE", "Sweet FUDGY").getBytes(StandardCharsets.UTF_8) : data);
        Path empty = mkdir("empty");

        assertThatThrownBy(() -> Restore.into(damaged, empty, EmbeddedDatabase.Options.local().notDurable()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("table sweet is damaged")
                .hasMessageContaining("checksum differs");
        assertThat(BackupRefusalTest.list(empty)).isEmpty();

        Path missing = rewrite(backup, "missing.zip", (name, data) -> name.endsWith("-sale.tsv") ? null : data);
        assertThatThrownBy(() -> Restore.into(missing, empty, EmbeddedDatabase.Options.local().notDurable()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("the data of table sale");
        assertThat(BackupRefusalTest.list(empty)).isEmpty();
    }

    @Test
    void aBackupOfASchemaThisAppDoesNotKnowIsRefused() throws IOException {
        Path newer = rewrite(backup, "newer.zip", (name, data) -> name.equals("manifest.properties")
                ? new String(data, StandardCharsets.UTF_8).replaceFirst("schema_version=\\d+", "schema_version=99")
                        .getBytes(StandardCharsets.UTF_8) : data);
        Path target = temp.resolve("restored");

        assertThatThrownBy(() -> Restore.into(newer, target, EmbeddedDatabase.Options.local().notDurable()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("99");
        assertThat(target).doesNotExist();
    }

    /** A backup whose rows load but break an invariant: restored, the audit says so, exit 3. */
    @Test
    void aRestoreWhoseAuditFailsExitsThreeAndSaysSo() throws IOException {
        Path tampered = withFixedChecksums(rewrite(backup, "tampered.zip", (name, data) -> name.endsWith("-sweet.tsv")
                ? new String(data, StandardCharsets.UTF_8).replaceFirst("\t8\t", "\t9\t").getBytes(StandardCharsets.UTF_8) : data));
        Path target = temp.resolve("restored");

        CliRunner.Result result = new CliRunner().run("restore", "--from", tampered.toString(), "--data-dir", target.toString(),
                "--json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.err()).contains("restored, but the audit failed").contains("stock-equals-movements");
        assertThat(result.out()).contains("\"auditOk\":false");
        assertThat(target.resolve("db")).isDirectory(); // kept, for a person to look into
    }

    @Test
    void theCommandRestoresIntoTheDataDirectoryItIsGiven() {
        Path target = temp.resolve("restored");

        CliRunner.Result result = new CliRunner().run("restore", "--from", backup.toString(), "--data-dir", target.toString(),
                "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"auditOk\":true").contains("\"sale\":1").contains("\"dataDir\":\"" + target + "\"");
        assertThat(target.resolve("db").resolve("pgdata")).isDirectory();
        assertThat(new CliRunner().run("restore", "--from", temp.resolve("nothing.zip").toString(), "--data-dir",
                temp.resolve("other").toString()).exitCode()).isEqualTo(2);
    }

    private Path mkdir(String name) {
        try {
            return Files.createDirectories(temp.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A copy of a zip with each entry's bytes passed through {@code change} (null drops the entry). */
    private Path rewrite(Path zip, String name, BiFunction<String, byte[], byte[]> change) throws IOException {
        Path target = temp.resolve(name);
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] data;
                try (InputStream is = in.getInputStream(entry)) {
                    data = change.apply(entry.getName(), is.readAllBytes());
                }
                if (data != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(data);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** Recomputes the manifest's checksums, as someone tampering with a file on purpose would. */
    private Path withFixedChecksums(Path zip) throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        try (ZipFile in = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                try (InputStream is = in.getInputStream(entry)) {
                    hashes.put(entry.getName(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(is.readAllBytes())));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return rewrite(zip, "fixed-" + zip.getFileName(), (name, data) -> {
            if (!name.equals("manifest.properties")) {
                return data;
            }
            StringBuilder sb = new StringBuilder();
            String entry = null;
            for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
                if (line.matches("table\\.\\w+\\.entry=.*")) {
                    entry = line.substring(line.indexOf('=') + 1);
                }
                if (line.matches("table\\.\\w+\\.sha256=.*") && entry != null) {
                    line = line.substring(0, line.indexOf('=') + 1) + hashes.get(entry);
                }
                sb.append(line).append('\n');
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        });
    }
}
