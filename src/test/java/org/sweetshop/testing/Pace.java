package org.sweetshop.testing;

/**
 * The pace of a simulated till in a till process (a moment between sales, the wait before a
 * re-send, as a cashier or a script would): not a wait for a result, which is {@link Poll} or a
 * barrier ({@link Race}).
 */
public final class Pace {

    private Pace() {
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
