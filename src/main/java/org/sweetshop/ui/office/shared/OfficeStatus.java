package org.sweetshop.ui.office.shared;

import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.Busy;
import org.sweetshop.ui.common.Messages;

/**
 * What every tab of the back office shares: the message line under the tabs (what was done, or
 * why not), the busy state that disables the buttons while a step is on its way (one for the whole
 * office, as there is one background thread), and the progress of a long step.
 */
public final class OfficeStatus {

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private final Busy busy = new Busy();
    private final ReadOnlyObjectWrapper<Double> progress = new ReadOnlyObjectWrapper<>(0.0);

    /** Something done, or on its way ("Adding JB-200…"). */
    public void say(String text) {
        show(false, text);
    }

    /** Why a step was not sent or not done, as a sentence ("choose a sweet" → "Choose a sweet."). */
    public void refuse(String text) {
        show(true, Messages.sentence(text));
    }

    /** A step that failed in the background: {@link Messages#of(Throwable)} words it. */
    public void failed(Exception e) {
        show(true, Messages.of(e));
    }

    /** Empties the message line (a message belongs to the tab it came from). */
    public void clear() {
        show(false, "");
    }

    private void show(boolean isError, String text) {
        error.set(isError);
        message.set(text);
    }

    /**
     * A tab's step as a {@link BackgroundTask}: the office is busy until it is back, and a failure
     * shows in the message line. The tab adds what to do with the result and runs it:
     * {@code status.task(() -> promos.list()).onSuccess(rows::setAll).executeWith(tasks)}.
     */
    public <T> BackgroundTask<T> task(Callable<T> work) {
        return BackgroundTask.of(work).showingBusy(busy).onFailure(this::failed);
    }

    /** As above, for a step that returns nothing. */
    public BackgroundTask<Void> task(BackgroundTask.Step work) {
        return BackgroundTask.of(work).showingBusy(busy).onFailure(this::failed);
    }

    public void progress(double fraction) {
        progress.set(fraction);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.property();
    }

    public ReadOnlyObjectProperty<Double> progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
