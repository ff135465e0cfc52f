package org.sweetshop.ui.till.sell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.catalog.SweetChange;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.CatalogueFilter;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * The sweets the tiles show, kept live: loaded in the background, then changed by every change
 * the database pushes (another till sold, the back office restocked or renamed). Live stock
 * subscribes before it loads, so a change pushed while a load is on its way is applied again over
 * the loaded snapshot; a sweet this till has not seen means the catalogue grew, and it is loaded
 * again.
 */
final class LiveCatalogue {

    private final Callable<List<SweetView>> load;
    private final TaskExecutor tasks;
    private final Notice notice;
    private final ObservableList<SweetView> sweets = FXCollections.observableArrayList();
    private final CatalogueFilter filter = new CatalogueFilter(sweets);
    /** Changes pushed while a load is on its way: applied again over the loaded snapshot. */
    private List<SweetChange> pushedDuringReload;

    LiveCatalogue(Callable<List<SweetView>> load, TaskExecutor tasks, Notice notice) {
        this.load = load;
        this.tasks = tasks;
        this.notice = notice;
    }

    /** Loads the whole catalogue again (at start, after the live feed reconnects, after a sale found the stock changed). */
    void reload() {
        if (pushedDuringReload == null) {
            pushedDuringReload = new ArrayList<>();
        }
        BackgroundTask.of(load)
                .onSuccess(this::show)
                .onFailure(e -> notice.error("The catalogue could not be loaded: " + Messages.reason(e) + "."))
                .executeWith(tasks);
    }

    /** Shows these sweets (the active ones) and the changes pushed since they were read. */
    private void show(List<SweetView> loaded) {
        sweets.setAll(loaded.stream().filter(SweetView::active).toList());
        List<SweetChange> replay = pushedDuringReload;
        pushedDuringReload = null;
        if (replay != null) {
            // pushed after the snapshot may have been read: newer than it, so applied over it
            replay.forEach(this::apply);
        }
        filter.categoriesOf(sweets);
    }

    /** A change pushed by the database: its tile shows it at once. */
    void changed(SweetChange change) {
        if (pushedDuringReload != null) {
            pushedDuringReload.add(change);
        }
        apply(change);
    }

    private void apply(SweetChange change) {
        for (int i = 0; i < sweets.size(); i++) {
            SweetView old = sweets.get(i);
            if (old.id() == change.id()) {
                if (!change.active()) {
                    sweets.remove(i);
                } else {
                    // how a sweet is sold never changes once it exists: the change keeps the tile's kind and PLU
                    sweets.set(i, new SweetView(change.id(), change.sku(), change.name(), change.category(), change.price(),
                            change.stock(), old.reorderLevel(), true, old.soldBy(), old.plu()));
                    if (!filter.offers(change.category())) {
                        filter.categoriesOf(sweets);
                    }
                }
                return;
            }
        }
        if (change.active() && pushedDuringReload == null) {
            reload();
        }
    }

    Optional<SweetView> sweet(String sku) {
        return sweets.stream().filter(s -> s.sku().equalsIgnoreCase(sku)).findFirst();
    }

    CatalogueFilter filter() {
        return filter;
    }
}
