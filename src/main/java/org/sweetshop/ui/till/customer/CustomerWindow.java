package org.sweetshop.ui.till.customer;

import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer window's stage: full screen on the second monitor, a window, or none, as
 * {@link CustomerDisplayMode} says. It has no keys and no buttons; the cashier never needs it.
 */
public final class CustomerWindow {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerWindow.class);
    /** The window's size when it is not full screen. */
    static final double WIDTH = 1024;
    static final double HEIGHT = 600;

    /** {@link CustomerViewModel.Later} on the JavaFX thread, by a {@link PauseTransition}. */
    public static final CustomerViewModel.Later LATER = (delay, action) -> {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        pause.play();
    };

    private CustomerWindow() {
    }

    /** The scene of the customer window, at this size. */
    public static Scene scene(CustomerViewModel model, double width, double height) {
        Scene scene = new Scene(new CustomerView(model).root(), width, height);
        scene.getStylesheets().add(CustomerView.STYLESHEET);
        return scene;
    }

    /**
     * Opens the customer window where {@code mode} says (on the JavaFX thread), or nothing:
     * {@code auto} opens it full screen only when a second monitor is there.
     */
    public static Optional<Stage> open(CustomerDisplayMode mode, CustomerViewModel model, String title) {
        Optional<Screen> second = Screen.getScreens().stream().filter(s -> !s.equals(Screen.getPrimary())).findFirst();
        if (mode == CustomerDisplayMode.OFF || mode == CustomerDisplayMode.AUTO && second.isEmpty()) {
            LOG.info("no customer window (customer.display={}, {} screen(s))", mode.name().toLowerCase(java.util.Locale.ROOT),
                    Screen.getScreens().size());
            return Optional.empty();
        }
        Stage stage = new Stage();
        stage.setTitle(title);
        boolean fullScreen = mode != CustomerDisplayMode.WINDOW && second.isPresent();
        if (mode == CustomerDisplayMode.SCREEN2 && second.isEmpty()) {
            LOG.warn("customer.display=screen2 but there is one screen only: the customer window opens as a window");
        }
        if (fullScreen) {
            Rectangle2D bounds = second.get().getBounds();
            stage.setScene(scene(model, bounds.getWidth(), bounds.getHeight()));
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreen(true);
        } else {
            stage.setScene(scene(model, WIDTH, HEIGHT));
        }
        stage.show();
        LOG.info("customer window open {}", fullScreen ? "full screen on the second screen" : "as a window");
        return Optional.of(stage);
    }
}
