package org.sweetshop.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sweetshop.AppContext;
import org.sweetshop.config.AppConfig;

/**
 * Starts JavaFX and shows the till window; returns when it is closed. For now the window shows
 * the catalogue with the till's name and the database in a status bar; selling builds on it.
 */
public final class TillApp {

    private TillApp() {
    }

    /** Opens the window and returns when it is closed: the launcher's exit code. */
    public static int run(AppConfig config) {
        CountDownLatch closed = new CountDownLatch(1);
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "till-background");
            thread.setDaemon(true);
            return thread;
        });
        String till = config.terminal() == null ? "T1" : config.terminal();
        StartupViewModel model = new StartupViewModel(() -> AppContext.open(config), background, Platform::runLater);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new TillView(till, model).root(), 1024, 700);
            scene.getStylesheets().add(TillView.STYLESHEET);
            stage.setScene(scene);
            stage.setTitle("Sweetshop POS — till " + till);
            stage.setOnHidden(e -> closed.countDown());
            stage.show();
            model.start();
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        background.shutdownNow();
        AppContext opened = model.context();
        if (opened != null) {
            opened.close();
        }
        Platform.exit();
        return 0;
    }
}
