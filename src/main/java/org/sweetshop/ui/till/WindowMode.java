package org.sweetshop.ui.till;

import java.util.Locale;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.sweetshop.config.ConfigException;

/**
 * How the till's window takes the screen, the till's {@code window.mode} setting: {@code maximised}
 * (the default: the whole screen but the desktop's panels), {@code fullscreen} (Esc leaves it),
 * {@code kiosk} (full screen that no key leaves, for a dedicated till) or {@code window} (1280×800,
 * smaller where the screen is). The window is always placed inside the screen it opens on, never
 * above its top edge.
 */
public enum WindowMode {
    MAXIMISED, FULL_SCREEN, KIOSK, WINDOW;

    /** The size a {@link #WINDOW} asks for where the screen has room. */
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    /** The {@code window.mode} of the till's properties; maximised when not set. */
    public static WindowMode from(Properties properties) {
        String value = properties.getProperty("window.mode", "maximised").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "maximised", "maximized", "" -> MAXIMISED;
            case "fullscreen", "full-screen" -> FULL_SCREEN;
            case "kiosk" -> KIOSK;
            case "window" -> WINDOW;
            default -> throw new ConfigException("window.mode must be maximised, fullscreen, kiosk or window, not '" + value + "'", null);
        };
    }

    /**
     * Where the window goes on a screen whose usable area is {@code visual}: all of it, or for a
     * {@link #WINDOW} 1280×800 (no larger than the area) centred in it.
     */
    Rectangle2D bounds(Rectangle2D visual) {
        if (this != WINDOW) {
            return visual;
        }
        double w = Math.min(WIDTH, visual.getWidth());
        double h = Math.min(HEIGHT, visual.getHeight());
        return new Rectangle2D(visual.getMinX() + (visual.getWidth() - w) / 2, visual.getMinY() + (visual.getHeight() - h) / 2, w, h);
    }

    /** Places the stage (before it is shown) on the primary screen. */
    void apply(Stage stage) {
        Rectangle2D area = bounds(Screen.getPrimary().getVisualBounds());
        stage.setX(area.getMinX());
        stage.setY(area.getMinY());
        stage.setWidth(area.getWidth());
        stage.setHeight(area.getHeight());
        switch (this) {
            case MAXIMISED -> stage.setMaximized(true);
            case FULL_SCREEN -> stage.setFullScreen(true);
            case KIOSK -> {
                stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
                stage.setFullScreenExitHint("");
                stage.setFullScreen(true);
            }
            case WINDOW -> {
            }
        }
    }
}
