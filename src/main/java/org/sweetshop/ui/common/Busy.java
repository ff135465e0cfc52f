package org.sweetshop.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * "Something is on its way": true from the first task started until the last one is back, so a
 * double click that queues a second step keeps the buttons disabled until both have answered.
 */
public final class Busy {

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int inFlight;

    void start() {
        inFlight++;
        busy.set(true);
    }

    void done() {
        inFlight--;
        busy.set(inFlight > 0);
    }

    public boolean get() {
        return busy.get();
    }

    public ReadOnlyBooleanProperty property() {
        return busy.getReadOnlyProperty();
    }
}
