package org.sweetshop.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private void properties(String text) throws IOException {
        Files.writeString(dir.resolve(ConfigLoader.PROPERTIES_FILE), text);
    }

    @Test
    void withNothingConfiguredTheDatabaseIsEmbedded() {
        AppConfig config = ConfigLoader.load(new ConfigLoader.Overrides(dir.toString(), null, null, null), Map.of());

        assertThat(config.embedded()).isTrue();
        assertThat(config.dataDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(config.lockTimeout().toMillis()).isEqualTo(3000);
    }

    @Test
    void commandLineBeatsEnvironmentBeatsPropertiesFile() throws IOException {
        properties("db.url=jdbc:postgresql://file/x\ndb.user=fileuser\nterminal=FILE\nlock.timeout.ms=1500\n");

        AppConfig fromFile = ConfigLoader.load(new ConfigLoader.Overrides(dir.toString(), null, null, null), Map.of());
        AppConfig fromEnv = ConfigLoader.load(new ConfigLoader.Overrides(dir.toString(), null, null, null),
                Map.of("SWEETSHOP_DB_URL", "jdbc:postgresql://env/x", "SWEETSHOP_TERMINAL", "ENV"));
        AppConfig fromFlags = ConfigLoader.load(new ConfigLoader.Overrides(dir.toString(), "jdbc:postgresql://flag/x", "flaguser", "FLAG"),
                Map.of("SWEETSHOP_DB_URL", "jdbc:postgresql://env/x", "SWEETSHOP_TERMINAL", "ENV"));

        assertThat(fromFile.dbUrl()).isEqualTo("jdbc:postgresql://file/x");
        assertThat(fromFile.terminal()).isEqualTo("FILE");
        assertThat(fromFile.lockTimeout().toMillis()).isEqualTo(1500);
        assertThat(fromEnv.dbUrl()).isEqualTo("jdbc:postgresql://env/x");
        assertThat(fromEnv.dbUser()).isEqualTo("fileuser");
        assertThat(fromEnv.terminal()).isEqualTo("ENV");
        assertThat(fromFlags.dbUrl()).isEqualTo("jdbc:postgresql://flag/x");
        assertThat(fromFlags.dbUser()).isEqualTo("flaguser");
        assertThat(fromFlags.terminal()).isEqualTo("FLAG");
    }

    @Test
    void aRelativeRootCertificateIsTheDataDirectorysOwnFile() throws IOException {
        properties("db.url=jdbc:postgresql://10.0.0.5:5433/sweetshop?sslmode=verify-full&sslrootcert=root.crt\n");
        AppConfig relative = ConfigLoader.load(new ConfigLoader.Overrides(dir.toString(), null, null, null), Map.of());
        assertThat(relative.dbUrl()).isEqualTo("jdbc:postgresql://10.0.0.5:5433/sweetshop?sslmode=verify-full&sslrootcert="
                + dir.toAbsolutePath().resolve("root.crt"));

        String absolute = "jdbc:postgresql://10.0.0.5:5433/sweetshop?sslrootcert=/etc/ssl/store.crt&sslmode=verify-full";
        assertThat(ConfigLoader.load(new ConfigLoader.Overrides(dir.toString(), absolute, null, null), Map.of()).dbUrl()).isEqualTo(absolute);
        String none = "jdbc:postgresql://10.0.0.5:5433/sweetshop";
        assertThat(ConfigLoader.load(new ConfigLoader.Overrides(dir.toString(), none, null, null), Map.of()).dbUrl()).isEqualTo(none);
    }

    @Test
    void refusesASettingOutOfRangeNamingIt() throws IOException {
        properties("lock.timeout.ms=-5\n");

        assertThatThrownBy(() -> ConfigLoader.load(new ConfigLoader.Overrides(dir.toString(), null, null, null), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("lock.timeout.ms");
    }

    @Test
    void thePasswordNeverAppearsInTheConfigurationsText() {
        AppConfig config = ConfigLoader.load(new ConfigLoader.Overrides(dir.toString(), null, null, null),
                Map.of("SWEETSHOP_DB_PASSWORD", "s3cret-value"));

        assertThat(config.dbPassword()).isEqualTo("s3cret-value");
        assertThat(config.toString()).doesNotContain("s3cret-value");
    }

    @Test
    void dataDirectoryFollowsXdgOnLinux() {
        String os = System.getProperty("os.name");
        org.junit.jupiter.api.Assumptions.assumeTrue(os.startsWith("Linux"), "Linux convention only");

        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/data"))).isEqualTo(Path.of("/data/sweetshop"));
        assertThat(DataDirectory.resolve(null, Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".local/share/sweetshop"));
        assertThat(DataDirectory.findOverride(new String[] {"--data-dir", "/x", "sell"})).isEqualTo("/x");
        assertThat(DataDirectory.findOverride(new String[] {"--data-dir=/y"})).isEqualTo("/y");
    }
}
