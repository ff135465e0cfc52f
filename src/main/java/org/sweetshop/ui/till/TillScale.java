package org.sweetshop.ui.till;

import java.util.function.Function;
import org.sweetshop.common.ScaleRefusedException;
import org.sweetshop.common.ScaleRefusedException.Reason;
import org.sweetshop.scale.Scale;
import org.sweetshop.scale.ScaleSettings;
import org.sweetshop.scale.Scales;
import org.sweetshop.ui.till.sell.WeighingScale;

/**
 * The till's scale driver as the selling screen sees it. The port is opened at the first reading,
 * not at start-up, so a till whose scale is unplugged still starts and sells counted sweets; a
 * scale that stopped answering or could not be opened is opened afresh at the next reading (the
 * cable put back in is enough). One reading at a time.
 */
public final class TillScale implements WeighingScale, AutoCloseable {

    private final ScaleSettings settings;
    private final Function<ScaleSettings, Scale> opener;
    private Scale open;

    public TillScale(ScaleSettings settings) {
        this(settings, Scales::open);
    }

    TillScale(ScaleSettings settings, Function<ScaleSettings, Scale> opener) {
        this.settings = settings;
        this.opener = opener;
    }

    @Override
    public boolean present() {
        return true;
    }

    @Override
    public boolean required() {
        return settings.required();
    }

    @Override
    public synchronized int readGrams() {
        Scale scale = scale();
        try {
            return scale.readGrams();
        } catch (ScaleRefusedException e) {
            dropIfGone(e);
            throw e;
        }
    }

    @Override
    public synchronized void tare() {
        Scale scale = scale();
        try {
            scale.tare();
        } catch (ScaleRefusedException e) {
            dropIfGone(e);
            throw e;
        }
    }

    private Scale scale() {
        if (open == null) {
            open = opener.apply(settings);
        }
        return open;
    }

    private void dropIfGone(ScaleRefusedException e) {
        if (e.reason() == Reason.NOT_ANSWERING || e.reason() == Reason.CANNOT_OPEN) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (open != null) {
            try {
                open.close();
            } catch (Exception ignored) {
                // the port is gone already
            }
            open = null;
        }
    }
}
