package org.sweetshop.ui.till.scan;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.value.ChangeListener;
import javafx.event.Event;
import javafx.event.EventDispatcher;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.scan.KeyBurstDetector;

/**
 * Keyboard-wedge scanner guns anywhere in a scene. Event filters on the scene see every keystroke
 * before the focused node does, whatever has the focus, and feed a {@link KeyBurstDetector}. When
 * Enter ends a burst, the Enter is consumed (no default button fires, the search field's action
 * does not run), the characters of the burst that went into a focused text field are taken out
 * again (its text, caret and selection are put back as they were before the burst's first
 * character), and {@code onScan} gets the text, on the FX thread. Everything else passes through
 * untouched: slow typing stays typing, and its Enter reaches whatever it reached before.
 *
 * <p>While a burst is being typed its characters do reach the focused field (the burst is known
 * only at its Enter), so listeners on that field see them come and go. A focused node that is not
 * a text field takes no characters: only the Enter is consumed.
 *
 * <p>The time a keystroke took to handle (a search filtering on every character) is not counted
 * as a gap: the scene's event dispatcher is wrapped to tell the detector when each character was
 * handled.
 */
public final class ScannerInput {

    private static final Logger LOG = LoggerFactory.getLogger(ScannerInput.class);

    private final Scene scene;
    private final Consumer<String> onScan;
    private final LongSupplier clock;
    private final KeyBurstDetector detector;

    private final EventHandler<KeyEvent> typedFilter = this::typed;
    private final EventHandler<KeyEvent> pressedFilter = this::pressed;
    private final EventHandler<KeyEvent> releasedFilter = this::released;
    private final ChangeListener<Node> focusListener = (obs, was, is) -> detectorReset();
    private final EventDispatcher originalDispatcher;
    private final EventDispatcher timingDispatcher;

    /** The focused field as it was before the current run's first character; null when nothing can leak. */
    private FieldState beforeRun;
    /** After a scan's Enter: its KEY_TYPED and KEY_RELEASED are swallowed too. */
    private boolean swallowEnter;

    private record FieldState(TextInputControl field, String text, int anchor, int caret) {
        static FieldState of(Node focused) {
            if (focused instanceof TextInputControl field && field.isEditable() && !field.isDisabled()) {
                return new FieldState(field, field.getText(), field.getAnchor(), field.getCaretPosition());
            }
            return null;
        }

        void restore() {
            field.setText(text);
            int length = field.getLength();
            field.selectRange(Math.min(anchor, length), Math.min(caret, length));
        }
    }

    private ScannerInput(Scene scene, Consumer<String> onScan, LongSupplier clock, KeyBurstDetector detector) {
        this.scene = Objects.requireNonNull(scene);
        this.onScan = Objects.requireNonNull(onScan);
        this.clock = Objects.requireNonNull(clock);
        this.detector = Objects.requireNonNull(detector);
        this.originalDispatcher = scene.getEventDispatcher();
        this.timingDispatcher = (event, tail) -> {
            Event result = originalDispatcher.dispatchEvent(event, tail);
            if (event.getEventType() == KeyEvent.KEY_TYPED) {
                detector.keyHandled(clock.getAsLong());
            }
            return result;
        };
    }

    /** Scanner guns in {@code scene}, with the default thresholds and the system clock. Call on the FX thread. */
    public static ScannerInput install(Scene scene, Consumer<String> onScan) {
        return install(scene, onScan, System::nanoTime, new KeyBurstDetector());
    }

    /** As {@link #install(Scene, Consumer)}, timing keystrokes with {@code nanoClock} (tests pass a fake one). */
    public static ScannerInput install(Scene scene, Consumer<String> onScan, LongSupplier nanoClock) {
        return install(scene, onScan, nanoClock, new KeyBurstDetector());
    }

    /** As {@link #install(Scene, Consumer)}, with the given clock and thresholds. */
    public static ScannerInput install(Scene scene, Consumer<String> onScan, LongSupplier nanoClock, KeyBurstDetector detector) {
        ScannerInput input = new ScannerInput(scene, onScan, nanoClock, detector);
        scene.addEventFilter(KeyEvent.KEY_TYPED, input.typedFilter);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, input.pressedFilter);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, input.releasedFilter);
        scene.focusOwnerProperty().addListener(input.focusListener);
        if (input.originalDispatcher != null) {
            scene.setEventDispatcher(input.timingDispatcher);
        }
        return input;
    }

    /** Takes the filters off the scene again. */
    public void uninstall() {
        scene.removeEventFilter(KeyEvent.KEY_TYPED, typedFilter);
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, pressedFilter);
        scene.removeEventFilter(KeyEvent.KEY_RELEASED, releasedFilter);
        scene.focusOwnerProperty().removeListener(focusListener);
        if (scene.getEventDispatcher() == timingDispatcher) {
            scene.setEventDispatcher(originalDispatcher);
        }
        detectorReset();
    }

    private void typed(KeyEvent event) {
        String typed = event.getCharacter();
        if (typed.isEmpty() || KeyEvent.CHAR_UNDEFINED.equals(typed)) {
            return;
        }
        if (typed.equals("\r") || typed.equals("\n") || typed.equals("\r\n")) {
            // Enter's own character: Enter is judged on KEY_PRESSED
            if (swallowEnter) {
                event.consume();
            }
            return;
        }
        if ((event.isControlDown() && !event.isAltDown()) || event.isMetaDown()) {
            // a shortcut (Ctrl+V...), never a scanner's character; Ctrl+Alt is AltGr on Windows
            detectorReset();
            return;
        }
        long now = clock.getAsLong();
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (Character.isISOControl(c)) {
                detectorReset();
                return;
            }
            if (detector.onKey(c, now)) {
                // the event has not reached the focused node yet: this is the field before the run
                beforeRun = FieldState.of(scene.getFocusOwner());
            }
        }
    }

    private void pressed(KeyEvent event) {
        KeyCode code = event.getCode();
        swallowEnter = false;
        if (code == KeyCode.ENTER) {
            if (event.isControlDown() || event.isAltDown() || event.isMetaDown() || event.isShiftDown()) {
                detectorReset();
                return;
            }
            Optional<String> burst = detector.onEnter(clock.getAsLong());
            FieldState field = beforeRun;
            beforeRun = null;
            if (burst.isPresent()) {
                event.consume();
                swallowEnter = true;
                if (field != null) {
                    field.restore();
                }
                LOG.debug("scanner burst of {} characters", burst.get().length());
                onScan.accept(burst.get());
            }
        } else if (code.isArrowKey() || code.isNavigationKey() || code.isFunctionKey() || code == KeyCode.BACK_SPACE
                   || code == KeyCode.DELETE || code == KeyCode.TAB || code == KeyCode.ESCAPE) {
            // keys no scanner types: whatever came before is a person's
            detectorReset();
        }
    }

    private void released(KeyEvent event) {
        if (swallowEnter && event.getCode() == KeyCode.ENTER) {
            event.consume();
            swallowEnter = false;
        }
    }

    /** True while keys are coming as fast as a gun types: a shortcut key now is part of a scan. */
    public boolean scanning() {
        return detector.running(clock.getAsLong());
    }

    private void detectorReset() {
        detector.reset();
        beforeRun = null;
    }
}
