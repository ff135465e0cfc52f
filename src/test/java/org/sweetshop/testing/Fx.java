package org.sweetshop.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests wait on and read: a condition of the screen (never a time), and a label's text. */
public final class Fx {

    private Fx() {
    }

    /** Waits until {@code condition} holds (at most 20 s, then the test fails), then for the events it caused. */
    public static void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("the window did not get there in 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the label {@code query} finds. */
    public static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
