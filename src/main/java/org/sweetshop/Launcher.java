package org.sweetshop;

import java.nio.file.Path;
import java.util.Map;
import org.sweetshop.cli.Cli;
import org.sweetshop.config.DataDirectory;
import org.sweetshop.ui.till.TillApp;

/**
 * {@code main}: with no command opens the till (JavaFX), with one runs the command line.
 * Logging is pointed at the data directory before the first logger exists.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Path dataDir = DataDirectory.resolve(DataDirectory.findOverride(args), env);
        System.setProperty("sweetshop.logdir", dataDir.resolve("logs").toString());
        System.setProperty("org.jboss.logging.provider", "slf4j");
        int exitCode = new Cli(env, System.in, System.out, System.err, Cli.Contexts.REAL, config -> TillApp.run(config))
                .execute(args);
        System.exit(exitCode);
    }
}
