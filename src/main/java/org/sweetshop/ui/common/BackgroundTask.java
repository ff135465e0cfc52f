package org.sweetshop.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A piece of work a screen runs off the UI thread (the idiom of JabRef's {@code BackgroundTask}):
 * what to do, and what to do on the UI thread with its result or its failure. A
 * {@link TaskExecutor} runs it; every view model does its service calls this way, so none of them
 * hand-rolls threads or try/catch blocks, and tests run it on the calling thread.
 *
 * <pre>{@code
 * BackgroundTask.of(() -> catalog.list())
 *         .showingBusy(busy)
 *         .onSuccess(rows::setAll)
 *         .onFailure(e -> message.set(Messages.of(e)))
 *         .executeWith(tasks);
 * }</pre>
 *
 * @param <T> what the work returns
 */
public final class BackgroundTask<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);

    /** Work that returns nothing. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final Callable<T> work;
    private Consumer<? super T> onSuccess = result -> {
    };
    private Consumer<Exception> onFailure = e -> LOG.error("background work failed and nobody handled it", e);
    private Busy busy;

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> of(Step step) {
        return new BackgroundTask<>(() -> {
            step.run();
            return null;
        });
    }

    /** Run on the UI thread with the result. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> then) {
        this.onSuccess = Objects.requireNonNull(then);
        return this;
    }

    /** Run on the UI thread with what went wrong; {@link Messages#of(Throwable)} words it for a person. */
    public BackgroundTask<T> onFailure(Consumer<Exception> then) {
        this.onFailure = Objects.requireNonNull(then);
        return this;
    }

    /** Keeps {@code busy} on from now until this task's result or failure has been handled. */
    public BackgroundTask<T> showingBusy(Busy busy) {
        this.busy = busy;
        return this;
    }

    public void executeWith(TaskExecutor executor) {
        executor.execute(this);
    }

    /** Called by the executor: first on the calling (UI) thread. */
    void started() {
        if (busy != null) {
            busy.start();
        }
    }

    /** Called by the executor on the background thread; returns what to run on the UI thread. */
    Runnable call() {
        try {
            T result = work.call();
            return () -> {
                finished();
                onSuccess.accept(result);
            };
        } catch (Exception e) {
            return () -> {
                finished();
                onFailure.accept(e);
            };
        }
    }

    private void finished() {
        if (busy != null) {
            busy.done();
        }
    }
}
