package org.sweetshop.ui.till.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Scanner guns in a real scene, headless (TestFX on Monocle), with keystrokes timed by a fake clock. */
@ExtendWith(ApplicationExtension.class)
class ScannerInputTest {

    private static final long MS = 1_000_000L;
    private static final String TOKEN = "SWC-0123456789ABCDEFGHJKMNPQRSTVWX";

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final List<String> scans = new CopyOnWriteArrayList<>();
    private final AtomicInteger fieldActions = new AtomicInteger();
    private final AtomicInteger buttonActions = new AtomicInteger();
    private TextField field;
    private Button button;
    private Scene scene;
    private ScannerInput input;

    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            field = new TextField();
            field.setOnAction(e -> fieldActions.incrementAndGet());
            button = new Button("Pay");
            button.setDefaultButton(true);
            button.setOnAction(e -> buttonActions.incrementAndGet());
            scene = new Scene(new VBox(field, button), 300, 200);
            stage.setScene(scene);
            stage.show();
            input = ScannerInput.install(scene, scans::add, clock::get);
            field.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(5, TimeUnit.SECONDS);
    }

    private EventTarget focused() {
        Node owner = scene.getFocusOwner();
        return owner == null ? scene : owner;
    }

    /** Types {@code text} key by key, {@code gapMs} before each, as a keyboard does: pressed, typed, released. */
    private void type(String text, long gapMs) throws Exception {
        fx(() -> {
            for (char c : text.toCharArray()) {
                clock.addAndGet(gapMs * MS);
                boolean shift = Character.isUpperCase(c);
                Event.fireEvent(focused(), new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.UNDEFINED,
                        shift, false, false, false));
                Event.fireEvent(focused(), new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED,
                        shift, false, false, false));
                Event.fireEvent(focused(), new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.UNDEFINED,
                        shift, false, false, false));
            }
        });
    }

    private void enter(long gapMs) throws Exception {
        fx(() -> {
            clock.addAndGet(gapMs * MS);
            Event.fireEvent(focused(), new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.ENTER,
                    false, false, false, false));
            Event.fireEvent(focused(), new KeyEvent(KeyEvent.KEY_TYPED, "\r", "", KeyCode.UNDEFINED, false, false, false, false));
            Event.fireEvent(focused(), new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.ENTER,
                    false, false, false, false));
        });
    }

    @Test
    void aFastBurstIsAScanAndLeavesTheFieldAsItWas() throws Exception {
        type("ch", 150);
        clock.addAndGet(400 * MS);
        type(TOKEN, 4);
        enter(4);

        assertThat(scans).containsExactly(TOKEN);
        assertThat(field.getText()).isEqualTo("ch");
        assertThat(field.getCaretPosition()).isEqualTo(2);
        assertThat(fieldActions).hasValue(0);
        assertThat(buttonActions).hasValue(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4006381333931", "036000291452", "96385074"})
    void aGunsBurstOfDigitsIsAScanEvenInAFieldThatTakesDigits(String barcode) throws Exception {
        // a product barcode is all digits: typed into a quantity field it must not stay there as a number
        type("2", 150);
        clock.addAndGet(400 * MS);
        type(barcode, 5);
        enter(5);

        assertThat(scans).containsExactly(barcode);
        assertThat(field.getText()).isEqualTo("2");
        assertThat(fieldActions).hasValue(0);
        assertThat(buttonActions).hasValue(0);
    }

    @Test
    void slowTypingStaysTypingAndItsEnterReachesTheField() throws Exception {
        type("choc", 150);
        enter(150);

        assertThat(scans).isEmpty();
        assertThat(field.getText()).isEqualTo("choc");
        assertThat(fieldActions).hasValue(1);
    }

    @Test
    void aBurstWithoutEnterStaysInTheField() throws Exception {
        type("ABCDEF", 3);
        type("x", 600);
        enter(200);

        assertThat(scans).isEmpty();
        assertThat(field.getText()).isEqualTo("ABCDEFx");
        assertThat(fieldActions).hasValue(1);
    }

    @Test
    void aScanOverASelectionPutsTheTextAndTheSelectionBack() throws Exception {
        fx(() -> {
            field.setText("chocolate");
            field.selectRange(5, 9);
        });
        type(TOKEN, 3);
        assertThat(field.getText()).isEqualTo("choco" + TOKEN);
        enter(3);

        assertThat(scans).containsExactly(TOKEN);
        assertThat(field.getText()).isEqualTo("chocolate");
        assertThat(field.getSelection().getStart()).isEqualTo(5);
        assertThat(field.getSelection().getEnd()).isEqualTo(9);
        assertThat(field.getAnchor()).isEqualTo(5);
        assertThat(field.getCaretPosition()).isEqualTo(9);
    }

    @Test
    void aBurstWithTheFocusOnTheButtonIsAScanAndDoesNotPressIt() throws Exception {
        fx(button::requestFocus);
        assertThat(scene.getFocusOwner()).isSameAs(button);
        type(TOKEN, 3);
        enter(3);

        assertThat(scans).containsExactly(TOKEN);
        assertThat(buttonActions).hasValue(0);
        assertThat(field.getText()).isEmpty();
    }

    @Test
    void aSlowEnterOnTheButtonStillReachesTheDefaultButton() throws Exception {
        fx(button::requestFocus);
        type("ABCDEF", 3);
        enter(300);

        assertThat(scans).isEmpty();
        assertThat(buttonActions).hasValue(1);
    }

    @Test
    void twoScansInARowAreTwoScans() throws Exception {
        type(TOKEN, 3);
        enter(3);
        clock.addAndGet(2_000 * MS);
        type("4006381333931", 3);
        enter(3);

        assertThat(scans).containsExactly(TOKEN, "4006381333931");
        assertThat(field.getText()).isEmpty();
        assertThat(fieldActions).hasValue(0);
    }

    @Test
    void aSearchThatIsSlowOnEveryKeystrokeDoesNotBreakAScan() throws Exception {
        // the till's search filters the catalogue on every character: here each one takes 120 ms
        fx(() -> field.textProperty().addListener((obs, was, is) -> clock.addAndGet(120 * MS)));
        type("ch", 300);
        clock.addAndGet(500 * MS);
        type(TOKEN, 2);
        enter(2);

        assertThat(scans).containsExactly(TOKEN);
        assertThat(field.getText()).isEqualTo("ch");
    }

    @Test
    void backspaceInsideARunMakesItTyping() throws Exception {
        type("ABCD", 3);
        fx(() -> {
            clock.addAndGet(3 * MS);
            Event.fireEvent(focused(), new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.BACK_SPACE,
                    false, false, false, false));
        });
        type("EF", 3);
        enter(3);

        assertThat(scans).isEmpty();
        assertThat(fieldActions).hasValue(1);
    }

    @Test
    void uninstalledItLetsEverythingThrough() throws Exception {
        fx(input::uninstall);
        type(TOKEN, 3);
        enter(3);

        assertThat(scans).isEmpty();
        assertThat(field.getText()).isEqualTo(TOKEN);
        assertThat(fieldActions).hasValue(1);
    }
}
