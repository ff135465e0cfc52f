package org.sweetshop.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real JVM started from a test on the test classpath: its standard output read line by line on
 * a thread (so it never blocks on a full pipe), its standard error and its log in
 * {@code target/test-logs}, its standard input open for commands. Every wait has a deadline and
 * ends early, with the output so far, when the process dies.
 */
public final class JavaProcess implements AutoCloseable {

    private static final Path LOG_DIR = Path.of("target", "test-logs").toAbsolutePath();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String name;
    private final Process process;
    private final Writer stdin;
    private final Path stderr;
    private final Path log;
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private JavaProcess(String name, Process process, Path stderr, Path log) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.log = log;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(this::readStdout, name + "-stdout");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Starts {@code mainClass} with a small heap. Variables named {@code SWEETSHOP_*} of this JVM's
     * environment are not passed on; {@code env} is added.
     */
    public static JavaProcess start(String name, Class<?> mainClass, List<String> args, Map<String, String> env) {
        return start(name, mainClass.getName(), args, env);
    }

    public static JavaProcess start(String name, String mainClass, List<String> args, Map<String, String> env) {
        String unique = name + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        try {
            Files.createDirectories(LOG_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path stderr = LOG_DIR.resolve(unique + ".err");
        Path log = LOG_DIR.resolve(unique + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.awt.headless=true",
                "-Dorg.jboss.logging.provider=slf4j",
                "-Dlogback.configurationFile=logback-child.xml",
                "-Dsweetshop.child.log=" + log,
                "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("SWEETSHOP_"));
        environment.putAll(env);
        try {
            return new JavaProcess(unique, builder.start(), stderr, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    public static Map<String, String> env(Map<String, String> base, String... more) {
        Map<String, String> env = new HashMap<>(base);
        for (int i = 0; i + 1 < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                stdout.add(line);
                unread.add(line);
            }
        } catch (IOException e) {
            // the process went away; what was read is kept
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Sends one line to the process's standard input. */
    public void send(String line) {
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException(name + " does not take input any more (" + e.getMessage() + ")" + diagnostics(), e);
        }
    }

    /**
     * The next unread line of standard output that matches; lines before it that do not match are
     * skipped. Fails at the deadline, or as soon as the process has ended and printed everything.
     */
    public String awaitLine(Predicate<String> matches, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line;
            try {
                line = unread.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
            if (line != null) {
                if (matches.test(line)) {
                    return line;
                }
                continue;
            }
            if (!reader.isAlive() && unread.isEmpty()) {
                throw new AssertionError(name + " ended (exit " + exitCodeOrNull() + ") before printing " + what + diagnostics());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not print " + what + " within " + timeout + diagnostics());
            }
        }
    }

    public String awaitLineStartingWith(String prefix, Duration timeout) {
        return awaitLine(line -> line.startsWith(prefix), timeout, "a line starting with '" + prefix + "'");
    }

    /** Waits for the process to end and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not end within " + timeout + diagnostics());
            }
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed by the process itself. */
    public int kill() {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: the JVM runs its shutdown hooks. */
    public int terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    /** Everything printed on standard output so far. */
    public String stdout() {
        synchronized (stdout) {
            return String.join("\n", stdout);
        }
    }

    public String stderr() {
        try {
            return Files.isRegularFile(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + stderr + ": " + e.getMessage() + ")";
        }
    }

    private Integer exitCodeOrNull() {
        return process.isAlive() ? null : process.exitValue();
    }

    private String diagnostics() {
        String err = stderr();
        if (err.length() > 4000) {
            err = "..." + err.substring(err.length() - 4000);
        }
        String out = stdout();
        if (out.length() > 4000) {
            out = "..." + out.substring(out.length() - 4000);
        }
        return "\n--- stdout of " + name + ":\n" + out + "\n--- stderr:\n" + err + "\n--- log: " + log;
    }

    /** Ends the process if it still runs (SIGKILL) and waits for it. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
