package org.sweetshop.scale;

import org.sweetshop.common.ScaleRefusedException;

/** Opens the till's scale with the protocol its settings name. */
public final class Scales {

    private Scales() {
    }

    /**
     * Opens the serial port and returns the scale speaking {@link ScaleSettings#protocol()}; close it
     * when done. Nothing is sent until the first reading.
     *
     * @throws ScaleRefusedException (reason {@code CANNOT_OPEN}) when the port cannot be opened: no
     *         such device, no permission (the user is not in group dialout), in use
     */
    public static Scale open(ScaleSettings settings) {
        return open(settings, () -> {
        });
    }

    /** As {@link #open(ScaleSettings)}; {@code listening} runs each time a stream reading starts waiting for a line. */
    static Scale open(ScaleSettings settings, Runnable listening) {
        SerialLink link = SerialLink.open(settings);
        return switch (settings.protocol()) {
            case TOLEDO -> new ToledoScale(link, settings.timeout());
            case STREAM -> new StreamScale(link, settings.timeout(), listening);
        };
    }
}
