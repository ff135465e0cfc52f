package org.sweetshop.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;

/**
 * How a screen runs a service step: busy while it runs on the background executor, then its
 * result applied on the UI executor; a refusal, a busy or unreachable database, a file that cannot
 * be read or written become one sentence for the person, anything else is logged and said so.
 */
// to be replaced by BackgroundTask in every view model (issue 8)
public final class Steps {

    private final Executor background;
    private final Executor ui;
    private final BooleanProperty busy;
    private final Consumer<String> refused;
    /** Steps on their way: busy until the last one is back (a double click queues a second). */
    private int inFlight;

    /** @param refused shows why a step did not happen (on the UI thread) */
    public Steps(Executor background, Executor ui, BooleanProperty busy, Consumer<String> refused) {
        this.background = background;
        this.ui = ui;
        this.busy = busy;
        this.refused = refused;
    }

    /** Runs {@code step} in the background; the {@link Runnable} it returns is run on the UI thread. */
    public void run(Callable<Runnable> step) {
        inFlight++;
        busy.set(true);
        background.execute(() -> {
            try {
                Runnable then = step.call();
                ui.execute(() -> {
                    done();
                    then.run();
                });
            } catch (Exception e) {
                String why = why(e);
                ui.execute(() -> {
                    done();
                    refused.accept(why);
                });
            }
        });
    }

    private void done() {
        inFlight--;
        busy.set(inFlight > 0);
    }

    static String why(Exception e) {
        return Messages.of(e);
    }
}
