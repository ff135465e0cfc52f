package org.sweetshop.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.sweetshop.process.TillWorker.Command;
import org.sweetshop.process.TillWorker.Outcome;
import org.sweetshop.process.TillWorker.Result;
import org.sweetshop.process.TillWorker.Task;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.JavaProcess;
import org.sweetshop.testing.TestDatabase;

/**
 * Till JVMs ({@link TillWorker}) on the test database, driven from a test. A race sends each till
 * its tasks, waits until every till has parked all its threads ({@code ARMED}), then sends
 * {@code GO} to all of them: one barrier across the processes.
 */
final class Tills implements AutoCloseable {

    static final Duration BOOT = Duration.ofSeconds(120);
    static final Duration ARM = Duration.ofSeconds(60);
    static final Duration FINISH = Duration.ofSeconds(180);

    private final List<JavaProcess> processes;

    private Tills(List<JavaProcess> processes) {
        this.processes = processes;
    }

    /** Starts {@code count} tills at once and waits until each has logged in. */
    static Tills start(String name, int count, long lockTimeoutMs, int poolSize) {
        return start(name, count, lockTimeoutMs, poolSize, TestDatabase.get().env());
    }

    /** As {@link #start(String, int, long, int)}, on the database these variables name (SWEETSHOP_DB_URL, ...). */
    static Tills start(String name, int count, long lockTimeoutMs, int poolSize, Map<String, String> database) {
        return start(name, count, lockTimeoutMs, poolSize, database, 30_000);
    }

    /** ... with the pool's connect timeout: how long a till waits for a connection before "unreachable". */
    static Tills start(String name, int count, long lockTimeoutMs, int poolSize, Map<String, String> database,
                       long connectTimeoutMs) {
        List<JavaProcess> started = new ArrayList<>();
        Tills tills = new Tills(started);
        try {
            Map<String, String> env = JavaProcess.env(database, "SWEETSHOP_PASSWORD", DatabaseTest.PASSWORD);
            for (int i = 0; i < count; i++) {
                started.add(JavaProcess.start(name + (i + 1), TillWorker.class,
                        List.of(Integer.toString(i + 1), Long.toString(lockTimeoutMs), Integer.toString(poolSize),
                                Long.toString(connectTimeoutMs)), env));
            }
            for (JavaProcess process : started) {
                process.awaitLineStartingWith("READY", BOOT);
            }
            return tills;
        } catch (RuntimeException | Error e) {
            tills.close();
            throw e;
        }
    }

    int size() {
        return processes.size();
    }

    JavaProcess process(int index) {
        return processes.get(index);
    }

    /** Sends each till its tasks ({@code tasksOf(index)}), arms all, releases all, collects the results. */
    List<Result> race(IntFunction<List<Task>> tasksOf) {
        for (int i = 0; i < processes.size(); i++) {
            processes.get(i).send(json(new Command("race", tasksOf.apply(i))));
        }
        armed();
        go();
        return results();
    }

    /** Waits until every till printed ARMED (after a race command). */
    void armed() {
        for (JavaProcess process : processes) {
            process.awaitLine("ARMED"::equals, ARM, "ARMED");
        }
    }

    /** Opens every till's gate. */
    void go() {
        for (JavaProcess process : processes) {
            process.send("GO");
        }
    }

    List<Result> results() {
        List<Result> results = new ArrayList<>();
        for (JavaProcess process : processes) {
            results.add(result(process));
        }
        return results;
    }

    /** The RESULT line of one till's race. */
    static Result result(JavaProcess process) {
        String line = process.awaitLineStartingWith("RESULT ", FINISH);
        try {
            return TillWorker.JSON.readValue(line.substring("RESULT ".length()), Result.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("unreadable result from " + process.name() + ": " + line, e);
        }
    }

    static String json(Object value) {
        try {
            return TillWorker.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Outcomes of every till by kind: {@code {OK=1, COUPON_ALREADY_REDEEMED=99}}. */
    static Map<String, Long> tally(List<Result> results) {
        Map<String, Long> counts = new TreeMap<>();
        for (Result result : results) {
            result.counts().forEach((kind, n) -> counts.merge(kind, n, Long::sum));
        }
        return counts;
    }

    static List<Outcome> outcomes(List<Result> results) {
        return results.stream().flatMap(r -> r.outcomes().stream()).toList();
    }

    /** Asks every till to quit, then makes sure none is left running. */
    @Override
    public void close() {
        for (JavaProcess process : processes) {
            try {
                if (process.alive()) {
                    process.send(json(new Command("quit", List.of())));
                }
            } catch (RuntimeException e) {
                // it is killed below
            }
        }
        for (JavaProcess process : processes) {
            try {
                process.awaitExit(Duration.ofSeconds(15));
            } catch (AssertionError | RuntimeException e) {
                // killed below
            }
            process.close();
        }
    }
}
