package org.sweetshop.ui.till.sell;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The selling screen's message line: the last thing said, and how it should look. */
public final class Notice {

    /** How a message should look: information, a success, or a refusal. */
    public enum Tone { INFO, OK, ERROR }

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(Tone.INFO);

    void info(String text) {
        say(Tone.INFO, text);
    }

    void ok(String text) {
        say(Tone.OK, text);
    }

    void error(String text) {
        say(Tone.ERROR, text);
    }

    private void say(Tone newTone, String text) {
        tone.set(newTone);
        message.set(text);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }
}
