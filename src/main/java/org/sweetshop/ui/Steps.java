package org.sweetshop.ui;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.BusyException;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.common.Refusal;
import org.sweetshop.print.PdfSaveException;

/**
 * How a screen runs a service step: busy while it runs on the background executor, then its
 * result applied on the UI executor; a refusal, a busy or unreachable database, a file that cannot
 * be read or written become one sentence for the person, anything else is logged and said so.
 */
public final class Steps {

    private static final Logger LOG = LoggerFactory.getLogger(Steps.class);

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

    /** The sentence a person reads for what went wrong. */
    static String why(Exception e) {
        if (e instanceof Refusal || e instanceof BusyException || e instanceof PdfSaveException) {
            return Messages.sentence(e.getMessage());
        }
        if (e instanceof DatabaseUnreachableException) {
            return "The store database cannot be reached: nothing was changed, try again.";
        }
        if (e instanceof IOException) {
            return Messages.sentence("cannot read or write the file: " + e.getMessage());
        }
        LOG.error("a step failed", e);
        return "That did not work (the error is in the log).";
    }
}
