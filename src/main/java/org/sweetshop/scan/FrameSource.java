package org.sweetshop.scan;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Where camera frames come from: the computer's cameras ({@link OpenPnpCameras}) or, in tests, a
 * fake. Every method may block on the camera driver: call them off the UI thread, all from one
 * thread. Closing releases the camera; a closed source can be opened again.
 */
public interface FrameSource extends AutoCloseable {

    /**
     * The names of the cameras present, in a stable order, each unique; empty when there is none.
     *
     * @throws CameraException when camera support cannot start on this computer (no native library
     *                         for this system, a driver that fails)
     */
    List<String> devices() throws CameraException;

    /** Starts the camera named {@code device} (one of {@link #devices()}), closing any other this source had open. */
    void open(String device) throws CameraException;

    /** The newest frame since the last call, or null when none has come yet. Only after {@link #open}. */
    BufferedImage grab() throws CameraException;

    /** Stops the camera and releases it. Safe to call more than once, and when nothing is open. */
    @Override
    void close();
}
