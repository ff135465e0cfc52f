package org.sweetshop.ui.till.customer;

import java.time.Duration;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.DeviceUnavailableException;
import org.sweetshop.display.PoleDisplay;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * Puts what the customer is shown on the till's pole display. Writing runs on a thread of its own
 * ({@code displayTasks}), never the UI thread nor the one the sales go on, and only the newest lines
 * are written (a burst of scans is one write), so a display that is slow or away never holds up a
 * sale. A display that did not take its lines is said once, in {@link #statusProperty()} (the status
 * bar), and tried again every {@link #RETRY} and at each change until it takes them: plugged back,
 * it shows the lines of the moment and the status clears.
 */
public final class CustomerPole {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerPole.class);
    /** How often a display that is away is tried again while nothing changes. */
    public static final Duration RETRY = Duration.ofSeconds(5);

    private final PoleDisplay display;
    private final TaskExecutor displayTasks;
    private final CustomerViewModel.Later later;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private PoleLines wanted;
    private PoleLines shown;
    private boolean writing;
    private boolean retryWaiting;

    public CustomerPole(PoleDisplay display, TaskExecutor displayTasks, CustomerViewModel.Later later) {
        this.display = Objects.requireNonNull(display, "display");
        this.displayTasks = Objects.requireNonNull(displayTasks, "displayTasks");
        this.later = Objects.requireNonNull(later, "later");
    }

    /** Shows what {@code customer} shows, now and at every change. */
    public CustomerPole follow(CustomerViewModel customer) {
        customer.showProperty().addListener((obs, old, now) -> show(PoleLines.of(now)));
        show(PoleLines.of(customer.showProperty().get()));
        return this;
    }

    private void show(PoleLines lines) {
        wanted = lines;
        write();
    }

    private void write() {
        if (writing || wanted.equals(shown)) {
            return;
        }
        writing = true;
        PoleLines sending = wanted;
        BackgroundTask.of(() -> display.show(sending.upper(), sending.lower()))
                .onSuccess(done -> {
                    writing = false;
                    shown = sending;
                    if (!status.get().isEmpty()) {
                        LOG.info("the customer display is back");
                        status.set("");
                    }
                    write();
                })
                .onFailure(e -> {
                    writing = false;
                    shown = null;
                    String said = "Customer display: " + (e instanceof DeviceUnavailableException ? e.getMessage() : Messages.of(e));
                    if (!said.equals(status.get())) {
                        LOG.warn("{}", said);
                        status.set(said);
                    }
                    if (!retryWaiting) {
                        retryWaiting = true;
                        later.after(RETRY, () -> {
                            retryWaiting = false;
                            write();
                        });
                    }
                })
                .executeWith(displayTasks);
    }

    /** Empty while the display takes its lines (or none is set); else what is wrong with it, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Lets go of the display's port. */
    public void close() {
        display.close();
    }
}
