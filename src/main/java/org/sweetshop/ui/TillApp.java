package org.sweetshop.ui;

import atlantafx.base.theme.PrimerLight;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.AppContext;
import org.sweetshop.config.AppConfig;

/** Starts JavaFX and shows the till window; returns when it is closed. */
public final class TillApp {

    private static final Logger LOG = LoggerFactory.getLogger(TillApp.class);

    private TillApp() {
    }

    /** Opens the window and returns when it is closed: the launcher's exit code. */
    public static int run(AppConfig config) {
        CountDownLatch closed = new CountDownLatch(1);
        ExecutorService background = backgroundExecutor();
        String till = config.terminal() == null ? "T1" : config.terminal();
        TillViewModel model = new TillViewModel(till, () -> AppContext.open(config), background, Platform::runLater);
        Platform.setImplicitExit(false);
        TillController[] controller = new TillController[1];
        model.screenProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends TillViewModel.Screen> obs, TillViewModel.Screen old,
                                TillViewModel.Screen now) {
                // the till's start-up time, for anyone to read in the log
                LOG.info("start-up: {} screen shown {} ms after the JVM started", now, ManagementFactory.getRuntimeMXBean().getUptime());
                obs.removeListener(this);
            }
        });
        Platform.startup(() -> {
            Stage stage = new Stage();
            controller[0] = new TillController(model, background, config);
            stage.setScene(scene(controller[0].window()));
            stage.setTitle("Sweetshop POS — till " + till);
            stage.setOnHidden(e -> closed.countDown());
            stage.setOnCloseRequest(e -> {
                if (!controller[0].mayClose()) {
                    e.consume();  // the selling screen says why
                }
            });
            controller[0].attach(stage);
            stage.show();
            model.start();
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (controller[0] != null) {
            controller[0].close();
        }
        background.shutdownNow();
        AppContext opened = model.context();
        if (opened != null) {
            opened.close();
        }
        Platform.exit();
        return 0;
    }

    /** The scene with the theme and the till's stylesheet; the window is readable at arm's length. */
    public static Scene scene(TillWindow window) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(TillWindow.STYLESHEET);
        return scene;
    }

    /** One daemon thread for service calls: the UI thread never waits on the database. */
    public static ExecutorService backgroundExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "till-background");
            thread.setDaemon(true);
            return thread;
        });
    }
}
