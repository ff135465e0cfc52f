package org.sweetshop.ui;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.AppContext;
import org.sweetshop.catalog.SweetView;

/**
 * Opening the store database off the UI thread and loading the catalogue. Knows no
 * {@code javafx.scene} class: tests drive it with same-thread executors.
 */
public final class StartupViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StartupViewModel.class);

    private final Callable<AppContext> opener;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Starting the store database…");
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("connecting…");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<List<SweetView>> sweets = new ReadOnlyObjectWrapper<>(List.of());
    private volatile AppContext context;

    public StartupViewModel(Callable<AppContext> opener, Executor background, Executor ui) {
        this.opener = opener;
        this.background = background;
        this.ui = ui;
    }

    /** Opens the database and loads the catalogue in the background; results arrive on the UI executor. */
    public void start() {
        busy.set(true);
        background.execute(() -> {
            try {
                AppContext opened = opener.call();
                context = opened;
                List<SweetView> loaded = opened.catalog().list().stream().filter(SweetView::active).toList();
                String where = opened.describeDatabase();
                ui.execute(() -> {
                    sweets.set(loaded);
                    database.set(where);
                    connected.set(true);
                    status.set(loaded.isEmpty() ? "The catalogue is empty: add sweets from the back office or run `sweetshop demo`."
                            : loaded.size() + (loaded.size() == 1 ? " sweet" : " sweets"));
                    busy.set(false);
                });
            } catch (Exception e) {
                LOG.error("start-up failed", e);
                ui.execute(() -> {
                    status.set("The store database could not be opened: " + e.getMessage());
                    database.set("not connected");
                    connected.set(false);
                    busy.set(false);
                });
            }
        });
    }

    /** The opened services, or null while starting or after a failure. */
    public AppContext context() {
        return context;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseProperty() {
        return database.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<SweetView>> sweetsProperty() {
        return sweets.getReadOnlyProperty();
    }
}
