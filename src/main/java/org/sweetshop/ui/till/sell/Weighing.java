package org.sweetshop.ui.till.sell;

import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.Busy;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * Where a weighed sweet's grams come from: the till's scale when one is set up (read on a
 * background task, "Weighing…" meanwhile), else the keypad, which asks for whole grams from 1 to
 * {@link Quantity#MAX_GRAMS}. When the scale gives no weight (moving, overloaded, zero, negative,
 * unplugged) the screen says why and the basket is kept; the keypad is offered then too, unless
 * the till must weigh on its scale ({@link WeighingScale#required()}). A reading that comes back
 * for a basket that has been paid or cleared since is dropped.
 */
final class Weighing {

    /** What the grams are for: another weighing of the sweet, or its line's new weight. */
    enum Mode { ADD, REWEIGH }

    /** What the keypad is asking for; {@code why} says why the scale was not used (null when there is none). */
    record Asked(SweetView sweet, Mode mode, String why) {
    }

    /** Takes the grams weighed or typed for a sweet. */
    interface Weighed {
        void weighed(SweetView sweet, int grams, Mode mode);
    }

    private final WeighingScale scale;
    private final TaskExecutor tasks;
    private final Notice notice;
    private final BooleanSupplier open;
    private final Weighed weighed;
    private final Busy busy = new Busy();
    private final ReadOnlyObjectWrapper<Asked> asked = new ReadOnlyObjectWrapper<>();
    private final StringProperty typed = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper keypadMessage = new ReadOnlyStringWrapper("");
    private int generation;

    /** @param open true while the basket may change (no payment on its way or unconfirmed) */
    Weighing(WeighingScale scale, TaskExecutor tasks, Notice notice, BooleanSupplier open, Weighed weighed) {
        this.scale = scale;
        this.tasks = tasks;
        this.notice = notice;
        this.open = open;
        this.weighed = weighed;
    }

    /** Weighs this sweet: on the scale, or asks for the grams. */
    void weigh(SweetView sweet, Mode mode) {
        if (busy.get()) {
            notice.error("Wait: the scale is being read.");
            return;
        }
        if (!scale.present()) {
            if (scale.required()) {
                notice.error("This till must weigh on its scale: no scale is set up. Nothing was added.");
            } else {
                ask(sweet, mode, null);
            }
            return;
        }
        notice.info("Weighing " + sweet.name() + "…");
        int askedFor = generation;
        BackgroundTask.of(() -> scale.readGrams())
                .showingBusy(busy)
                .onSuccess(grams -> {
                    if (askedFor != generation || !open.getAsBoolean()) {
                        return;
                    }
                    if (grams < 1) {   // the driver takes only a positive reading; a port that did not is not believed
                        notice.error("The scale gave no weight: it read " + grams + " g. Nothing was added.");
                    } else {
                        weighed.weighed(sweet, grams, mode);
                    }
                })
                .onFailure(e -> {
                    if (askedFor != generation || !open.getAsBoolean()) {
                        return;
                    }
                    String why = reason(e);
                    if (scale.required()) {
                        notice.error("This till must weigh on its scale: " + why + ". Nothing was added.");
                    } else {
                        notice.error(Messages.sentence("the scale gave no weight: " + why) + " Type the weight, or Cancel.");
                        ask(sweet, mode, Messages.sentence(why));
                    }
                })
                .executeWith(tasks);
    }

    /** Tares the scale with what is on it now (an empty jar or bag). */
    void tare() {
        if (!scale.present()) {
            notice.error("There is no scale at this till to tare.");
            return;
        }
        if (busy.get()) {
            notice.error("Wait: the scale is being read.");
            return;
        }
        notice.info("Taring the scale…");
        BackgroundTask.of(() -> scale.tare())
                .showingBusy(busy)
                .onSuccess(done -> notice.ok("Scale tared: the next weighings leave out what is on it now."))
                .onFailure(e -> notice.error("The scale was not tared: " + reason(e) + "."))
                .executeWith(tasks);
    }

    // ---- the keypad ------------------------------------------------------------------------

    private void ask(SweetView sweet, Mode mode, String why) {
        typed.set("");
        keypadMessage.set(why == null ? "" : why);
        asked.set(new Asked(sweet, mode, why));
    }

    /** A digit pressed on the keypad (or typed); at most the digits of {@link Quantity#MAX_GRAMS}. */
    void digit(int d) {
        if (asked.get() != null && d >= 0 && d <= 9 && typed.get().length() < Integer.toString(Quantity.MAX_GRAMS).length()) {
            typed.set(typed.get() + d);
        }
    }

    void backspace() {
        String t = typed.get();
        if (!t.isEmpty()) {
            typed.set(t.substring(0, t.length() - 1));
        }
    }

    /** OK on the keypad: the grams typed go on the basket, or the keypad says what is wrong and stays. */
    void confirm() {
        Asked now = asked.get();
        if (now == null) {
            return;
        }
        String t = typed.get() == null ? "" : typed.get().strip();
        if (t.isEmpty()) {
            keypadMessage.set("Type the weight in grams.");
            return;
        }
        int grams;
        try {
            grams = Quantity.parse("The weight", t + "g", SoldBy.WEIGHED);
        } catch (InvalidInputException e) {
            keypadMessage.set(Messages.sentence(e.getMessage()));
            return;
        }
        if (!open.getAsBoolean()) {
            keypadMessage.set("Wait: the payment is on its way.");
            return;
        }
        asked.set(null);
        weighed.weighed(now.sweet(), grams, now.mode());
    }

    /** Cancel (or Esc) on the keypad: nothing is added. */
    void cancel() {
        if (asked.get() != null) {
            asked.set(null);
            notice.info("Nothing was weighed.");
        }
    }

    /** The basket was paid or cleared: a reading still on its way is for a basket that is gone, and so is the keypad. */
    void newBasket() {
        generation++;
        asked.set(null);
    }

    boolean scalePresent() {
        return scale.present();
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "the scale did not answer";
        }
        String m = message.strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    // ---- properties ------------------------------------------------------------------------

    /** True while the scale is being read or tared. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.property();
    }

    boolean busy() {
        return busy.get();
    }

    /** What the keypad asks for; null while it is not shown. */
    ReadOnlyObjectProperty<Asked> askedProperty() {
        return asked.getReadOnlyProperty();
    }

    /** The grams typed so far (digits only). */
    StringProperty typedProperty() {
        return typed;
    }

    /** What the keypad says: why the scale was not used, or what is wrong with what was typed. */
    ReadOnlyStringProperty keypadMessageProperty() {
        return keypadMessage.getReadOnlyProperty();
    }
}
