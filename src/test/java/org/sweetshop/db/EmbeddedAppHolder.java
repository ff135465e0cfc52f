package org.sweetshop.db;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.sweetshop.AppContext;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.JavaProcess;
import org.sweetshop.testing.ServerFiles;
import org.sweetshop.testing.TestDatabase;

/**
 * An app that owns the embedded database of a data directory, for the life-cycle tests: it opens
 * it as the real app does, registers the owner, adds the sweet named in its arguments, prints
 * {@code READY} and then waits for a line on standard input (or to be killed).
 *
 * <p>Arguments: data directory, SKU, opening stock.
 */
public final class EmbeddedAppHolder {

    private EmbeddedAppHolder() {
    }

    /**
     * Leaves a postgres running on {@code dataDir} as a killed app would: a holder opens the
     * embedded database and is killed with SIGKILL. Returns the postgres's pid (still alive).
     */
    static long leaveOrphanedPostgres(Path dataDir, Duration start) {
        try (JavaProcess killedApp = JavaProcess.start("orphan-maker", EmbeddedAppHolder.class,
                List.of(dataDir.toString(), "ORPHANED", "5"), Map.of())) {
            killedApp.awaitLineStartingWith("READY", start);
            long orphan = ServerFiles.postmasterPid(dataDir).orElseThrow();
            if (killedApp.kill() != 137) {
                throw new AssertionError("the orphan maker was not killed: " + killedApp.stderr());
            }
            return orphan;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        try (AppContext app = AppContext.open(TestDatabase.config(dataDir))) {
            app.staff().register(null, "owner", Role.OWNER, DatabaseTest.PASSWORD);
            Caller owner = app.staff().login("owner", DatabaseTest.PASSWORD);
            app.catalog().add(owner, new NewSweet(args[1], "Sweet " + args[1], "Test", new BigDecimal("1.00"),
                    Integer.parseInt(args[2]), 0), "T1");
            System.out.println("READY " + ProcessHandle.current().pid());
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        System.exit(0);
    }
}
