package org.sweetshop.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sweetshop.AppContext;
import org.sweetshop.cli.Cli;
import org.sweetshop.config.AppConfig;

/**
 * Runs the command line in this JVM on the shared test database, capturing stdout, stderr and
 * the exit code. Parsing, validation and exit codes are exactly those of the real program.
 */
public final class CliRunner {

    /** What one command printed and returned. */
    public record Result(int exitCode, String out, String err) {
    }

    private static final Cli.Contexts NO_DATABASE = new Cli.Contexts() {
        @Override
        public AppContext open(AppConfig config) {
            throw new AssertionError("the command opened the database, which it must not need");
        }

        @Override
        public void release(AppContext context) {
            // never opened
        }
    };

    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private boolean realContexts;
    private boolean withoutDatabase;
    private Cli.Contexts contexts;

    public CliRunner() {
        env.put("SWEETSHOP_PASSWORD", DatabaseTest.PASSWORD);
    }

    public CliRunner env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public CliRunner stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** Commands open their own database from the configuration, as in the real program. */
    public CliRunner realContexts() {
        this.realContexts = true;
        return this;
    }

    /** Commands get their services from these contexts (a context through a TCP proxy, say). */
    public CliRunner contexts(Cli.Contexts given) {
        this.contexts = given;
        return this;
    }

    /**
     * For commands that need no database (such as {@code scan}): none is started, the data
     * directory is an empty temporary folder, and a command that opens the database fails the test.
     */
    public CliRunner withoutDatabase() {
        this.withoutDatabase = true;
        return this;
    }

    public Result run(String... args) {
        if (withoutDatabase) {
            return execute(NO_DATABASE, emptyDataDir(), args);
        }
        TestDatabase db = TestDatabase.get();
        if (contexts != null) {
            return execute(contexts, db.dataDir(), args);
        }
        Cli.Contexts shared = realContexts ? Cli.Contexts.REAL : new Cli.Contexts() {
            @Override
            public AppContext open(AppConfig config) {
                return db.context();
            }

            @Override
            public void release(AppContext context) {
                // shared by every test in this JVM
            }
        };
        return execute(shared, db.dataDir(), args);
    }

    private Result execute(Cli.Contexts contexts, Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(Map.copyOf(env), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, contexts,
                config -> {
                    throw new AssertionError("the test asked for the till window");
                }).execute(all.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path emptyDataDir() {
        try {
            Path dir = Files.createTempDirectory("sweetshop-cli");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
