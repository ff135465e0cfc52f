package org.sweetshop.ui.common;

import java.util.concurrent.Executor;

/**
 * Runs {@link BackgroundTask}s: the work on the background executor (the app's one daemon thread
 * for service calls, so the UI thread never waits on the database), then the task's result or
 * failure on the UI executor ({@code Platform::runLater}). Tests pass {@link #sameThread()}, or
 * executors they run by hand to decide when an answer comes back.
 */
public final class TaskExecutor {

    private final Executor background;
    private final Executor ui;

    public TaskExecutor(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Everything on the calling thread, at once: for tests of view models. */
    public static TaskExecutor sameThread() {
        return new TaskExecutor(Runnable::run, Runnable::run);
    }

    public <T> void execute(BackgroundTask<T> task) {
        task.started();
        background.execute(() -> {
            Runnable then = task.call();
            ui.execute(then);
        });
    }

    /** Runs {@code action} on the UI thread (for pushes that arrive on another thread, such as live stock). */
    public void onUi(Runnable action) {
        ui.execute(action);
    }
}
