package org.sweetshop.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private boolean realContexts;

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

    public Result run(String... args) {
        TestDatabase db = TestDatabase.get();
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
        List<String> all = new ArrayList<>(List.of("--data-dir", db.dataDir().toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(Map.copyOf(env), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, shared,
                config -> {
                    throw new AssertionError("the test asked for the till window");
                }).execute(all.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
