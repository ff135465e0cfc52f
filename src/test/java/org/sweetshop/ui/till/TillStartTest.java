package org.sweetshop.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.Launcher;
import org.sweetshop.testing.JavaProcess;
import org.sweetshop.testing.ServerFiles;

/**
 * The till started where no window can open (a display that does not exist, as over SSH or as a
 * service): one line that says what is missing and what to do, exit code 2, no stack trace, and
 * no database left running. Which of the two things is missing depends on the machine: the
 * display, or (on a machine without them, such as a fresh CI box) the GTK 3 libraries JavaFX needs
 * before it even looks for a display; each has its own exact sentence.
 */
class TillStartTest {

    private static final String NO_DISPLAY = "the till's window needs a display and there is none here (DISPLAY is not set or cannot "
            + "be opened): start it on the till's desktop; the commands work without one (sweetshop --help)";
    private static final String NO_GTK = "the till's window needs the GTK 3 libraries, missing here: install them (Debian/Ubuntu: "
            + "apt-get install libgtk-3-0); the commands work without them (sweetshop --help)";

    @TempDir
    Path dataDir;

    @Test
    void withoutADisplayTheTillSaysSoInOneLineAndLeavesNothingRunning() throws Exception {
        try (JavaProcess till = JavaProcess.start("till-no-display", Launcher.class, List.of("--data-dir", dataDir.toString()),
                Map.of("DISPLAY", ":4711"))) {
            int exitCode = till.awaitExit(Duration.ofSeconds(120));
            String err = till.stderr();

            assertThat(exitCode).as("exit code; stderr: " + err).isEqualTo(2);
            List<String> ours = err.lines().filter(l -> l.startsWith("the till's window")).toList();
            assertThat(ours).hasSize(1);
            assertThat(ours.get(0)).isIn(NO_DISPLAY, NO_GTK);
            assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(ServerFiles.postmasterPid(dataDir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive))
                .as("no PostgreSQL left running").isEmpty();
    }
}
