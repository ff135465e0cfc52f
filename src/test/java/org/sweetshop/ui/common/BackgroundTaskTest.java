package org.sweetshop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.BusyException;
import org.sweetshop.common.DatabaseUnreachableException;

/** The one way a screen runs background work: where each part runs, and what busy says meanwhile. */
class BackgroundTaskTest {

    /** An executor the test runs by hand, to decide when the work and its answer happen. */
    private static final class HandRun implements Executor {
        final Deque<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            queued.add(command);
        }

        void runNext() {
            queued.removeFirst().run();
        }
    }

    @Test
    void theWorkRunsInTheBackgroundAndItsResultOnTheUiThread() {
        HandRun background = new HandRun();
        HandRun ui = new HandRun();
        List<String> seen = new ArrayList<>();

        BackgroundTask.of(() -> {
                    seen.add("work");
                    return 42;
                })
                .onSuccess(n -> seen.add("got " + n))
                .executeWith(new TaskExecutor(background, ui));

        assertThat(seen).isEmpty();
        background.runNext();
        assertThat(seen).containsExactly("work");
        assertThat(ui.queued).hasSize(1);
        ui.runNext();
        assertThat(seen).containsExactly("work", "got 42");
    }

    @Test
    void aFailureReachesOnFailureOnTheUiThreadAndNotOnSuccess() {
        HandRun background = new HandRun();
        HandRun ui = new HandRun();
        List<Object> seen = new ArrayList<>();
        BusyException busy = new BusyException("another till is selling SL", null);

        BackgroundTask.of(() -> {
                    throw busy;
                })
                .onSuccess(seen::add)
                .onFailure(seen::add)
                .executeWith(new TaskExecutor(background, ui));

        background.runNext();
        assertThat(seen).isEmpty();
        ui.runNext();
        assertThat(seen).containsExactly(busy);
    }

    @Test
    void busyStaysOnUntilTheLastOfTwoTasksIsBack() {
        HandRun background = new HandRun();
        HandRun ui = new HandRun();
        TaskExecutor tasks = new TaskExecutor(background, ui);
        Busy busy = new Busy();

        BackgroundTask.of(() -> 1).showingBusy(busy).executeWith(tasks);
        BackgroundTask.of(() -> {
            throw new IOException("disk full");
        }).showingBusy(busy).onFailure(e -> { }).executeWith(tasks);
        assertThat(busy.get()).isTrue();

        background.runNext();
        background.runNext();
        assertThat(busy.get()).as("both done in the background, neither answered yet").isTrue();
        ui.runNext();
        assertThat(busy.get()).isTrue();
        ui.runNext();
        assertThat(busy.get()).isFalse();
    }

    @Test
    void onTheSameThreadEverythingHappensAtOnce() {
        List<String> seen = new ArrayList<>();
        BackgroundTask.of(() -> seen.add("step")).onSuccess(v -> seen.add("then")).executeWith(TaskExecutor.sameThread());
        assertThat(seen).containsExactly("step", "then");
    }

    @Test
    void aStepThatReturnsNothingSucceedsWithNull() {
        List<Object> seen = new ArrayList<>();
        BackgroundTask.of(() -> { }).onSuccess(seen::add).executeWith(TaskExecutor.sameThread());
        assertThat(seen).containsExactly((Object) null);
    }

    @Test
    void unreachableIsWordedByMessages() {
        List<String> seen = new ArrayList<>();
        BackgroundTask.of(() -> {
                    throw new DatabaseUnreachableException("store database unreachable", null);
                })
                .onFailure(e -> seen.add(Messages.of(e)))
                .executeWith(TaskExecutor.sameThread());
        assertThat(seen).containsExactly("The store database cannot be reached: nothing was changed, try again.");
    }
}
