package org.sweetshop.ui.till.sell;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A scale for tests of the selling screen: each reading is the next one queued, grams or an
 * exception with the driver's message (motion, overload, zero, negative, unplugged). Counts reads
 * and tares. The real scale on a pseudo-terminal replaces it through the same {@link WeighingScale}.
 */
public final class FakeScale implements WeighingScale {

    private final boolean present;
    private final boolean required;
    private final Deque<Object> readings = new ArrayDeque<>();
    private Exception tareFailure;
    private int reads;
    private int tares;

    public FakeScale(boolean present, boolean required) {
        this.present = present;
        this.required = required;
    }

    /** A stable reading of this many grams comes next. */
    public FakeScale weighs(int grams) {
        readings.add(grams);
        return this;
    }

    /** The next reading fails with this message, as the driver says it. */
    public FakeScale refuses(String message) {
        readings.add(new IllegalStateException(message));
        return this;
    }

    public void tareFails(String message) {
        tareFailure = new IllegalStateException(message);
    }

    public int reads() {
        return reads;
    }

    public int tares() {
        return tares;
    }

    @Override
    public boolean present() {
        return present;
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public synchronized int readGrams() throws Exception {
        reads++;
        Object next = readings.poll();
        if (next == null) {
            throw new IllegalStateException("the scale stopped answering: check its cable");
        }
        if (next instanceof Exception e) {
            throw e;
        }
        return (Integer) next;
    }

    @Override
    public synchronized void tare() throws Exception {
        tares++;
        if (tareFailure != null) {
            throw tareFailure;
        }
    }
}
