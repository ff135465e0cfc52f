package org.sweetshop.ui.till.sell;

/**
 * The till's scale as the selling screen sees it (the app adapts its scale driver to this). Calls
 * to {@link #readGrams} and {@link #tare} block, so the screen makes them on a background task.
 */
public interface WeighingScale {

    /** No scale at this till: weights are typed on the keypad. */
    WeighingScale NONE = new WeighingScale() {
        @Override
        public boolean present() {
            return false;
        }

        @Override
        public boolean required() {
            return false;
        }

        @Override
        public int readGrams() throws Exception {
            throw new IllegalStateException("no scale is set up at this till");
        }

        @Override
        public void tare() throws Exception {
            throw new IllegalStateException("no scale is set up at this till");
        }
    };

    /** True when this till has a scale set up. */
    boolean present();

    /** True when weighed sweets must be weighed on the scale ({@code scale.required}): a typed weight is not taken. */
    boolean required();

    /**
     * A stable reading above zero, in whole grams.
     *
     * @throws Exception with a message a cashier can read ("the scale is moving", "overload",
     *                   "the scale stopped answering", …) when the scale gives no weight
     */
    int readGrams() throws Exception;

    /** Tares the scale with what is on it now; an exception with a message when it did not. */
    void tare() throws Exception;
}
