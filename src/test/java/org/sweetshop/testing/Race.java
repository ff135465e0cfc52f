package org.sweetshop.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.sweetshop.common.Refusal;

/**
 * Runs n tasks on n threads released together through one barrier, and keeps every outcome: the
 * value returned or the exception thrown. Counts are exact; nothing here waits on time.
 */
public final class Race {

    /** What one worker got: a value, or a failure. */
    public record Outcome<T>(T value, Throwable failure) {
        public boolean ok() {
            return failure == null;
        }

        /** {@code OK}, a refusal's code (e.g. {@code OUT_OF_STOCK}) or the failure's class name. */
        public String kind() {
            if (failure == null) {
                return "OK";
            }
            return failure instanceof Refusal refusal ? refusal.code() : failure.getClass().getSimpleName();
        }
    }

    private Race() {
    }

    public static <T> List<Outcome<T>> run(int workers, IntFunction<T> task) {
        CyclicBarrier barrier = new CyclicBarrier(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        return new Outcome<>(task.apply(index), null);
                    } catch (RuntimeException | Error e) {
                        return new Outcome<T>(null, e);
                    }
                }));
            }
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> future : futures) {
                outcomes.add(future.get(5, TimeUnit.MINUTES));
            }
            return outcomes;
        } catch (Exception e) {
            throw new IllegalStateException("a worker did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many outcomes of each kind: {@code {OK=50, OUT_OF_STOCK=50}}. */
    public static <T> Map<String, Long> tally(List<Outcome<T>> outcomes) {
        Map<String, Long> counts = new TreeMap<>();
        for (Outcome<T> outcome : outcomes) {
            counts.merge(outcome.kind(), 1L, Long::sum);
        }
        return counts;
    }
}
