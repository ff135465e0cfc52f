package org.sweetshop.ui.office.catalogue;

import java.math.BigDecimal;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.catalog.CatalogService;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.catalog.SweetEdit;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.CatalogueFilter;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.OfficeStatus;
import org.sweetshop.ui.office.TypedInput;

/**
 * The catalogue tab: every sweet (on sale or not) with the till's category and search filter,
 * the sweet chosen in the table (the stock panel beside it works on the same one), and adding,
 * repricing, editing and taking a sweet off sale.
 */
public final class CatalogueViewModel {

    private final CatalogService catalog;
    private final Caller manager;
    private final String till;
    private final Runnable stockChanged;
    private final OfficeStatus status;
    private final TaskExecutor tasks;

    private final ObservableList<SweetView> sweets = FXCollections.observableArrayList();
    private final CatalogueFilter filter = new CatalogueFilter(sweets);
    private final ObjectProperty<SweetView> selected = new SimpleObjectProperty<>();

    /** @param stockChanged reads the catalogue and its stock again after a change made here */
    public CatalogueViewModel(CatalogService catalog, Caller manager, String till, Runnable stockChanged, OfficeStatus status,
                              TaskExecutor tasks) {
        this.catalog = catalog;
        this.manager = manager;
        this.till = till;
        this.stockChanged = stockChanged;
        this.status = status;
        this.tasks = tasks;
    }

    /** Reads the catalogue again; the chosen sweet stays chosen (with its new figures). */
    public void reload() {
        BackgroundTask.of(catalog::list)
                .showingBusy(status.busy())
                .onSuccess(this::show)
                .onFailure(status::failed)
                .executeWith(tasks);
    }

    private void show(List<SweetView> all) {
        String keep = selected.get() == null ? null : selected.get().sku();
        sweets.setAll(all);
        filter.categoriesOf(all);
        if (keep != null) {
            sweets.stream().filter(s -> s.sku().equals(keep)).findFirst().ifPresent(selected::set);
        }
    }

    public void addSweet(String sku, String name, String category, String price, String openingStock, String reorderLevel) {
        NewSweet sweet;
        try {
            sweet = new NewSweet(sku, name, category, Money.parse("price", price), TypedInput.whole("opening stock", openingStock),
                    TypedInput.whole("reorder level", reorderLevel));
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return;
        }
        status.say("Adding " + sku + "…");
        BackgroundTask.of(() -> catalog.add(manager, sweet, till))
                .showingBusy(status.busy())
                .onSuccess(added -> changed("Added " + added.name() + " (" + added.sku() + ")."))
                .onFailure(status::failed)
                .executeWith(tasks);
    }

    public void changePrice(String price) {
        SweetView sweet = selectedOrSay();
        if (sweet == null) {
            return;
        }
        BigDecimal amount;
        try {
            amount = Money.parse("price", price);
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return;
        }
        status.say("Changing the price…");
        BackgroundTask.of(() -> catalog.changePrice(manager, sweet.sku(), amount))
                .showingBusy(status.busy())
                .onSuccess(changed -> changed("The price of " + changed.name() + " is now " + Money.format(changed.price()) + " (was "
                        + Money.format(sweet.price()) + ")."))
                .onFailure(status::failed)
                .executeWith(tasks);
    }

    public void deactivate() {
        SweetView sweet = selectedOrSay();
        if (sweet == null) {
            return;
        }
        status.say("Taking " + sweet.name() + " off sale…");
        BackgroundTask.of(() -> catalog.deactivate(manager, sweet.sku()))
                .showingBusy(status.busy())
                .onSuccess(done -> changed(sweet.name() + " is no longer for sale (its history is kept)."))
                .onFailure(status::failed)
                .executeWith(tasks);
    }

    /** Edits the chosen sweet: empty fields are left as they are. */
    public void edit(String newSku, String name, String category, String reorderLevel) {
        SweetView sweet = selectedOrSay();
        if (sweet == null) {
            return;
        }
        SweetEdit edit;
        try {
            edit = new SweetEdit(TypedInput.orNull(newSku), TypedInput.orNull(name), TypedInput.orNull(category), null,
                    TypedInput.wholeOrNone("reorder level", reorderLevel));
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return;
        }
        status.say("Saving " + sweet.sku() + "…");
        BackgroundTask.of(() -> catalog.edit(manager, sweet.sku(), edit, till))
                .showingBusy(status.busy())
                .onSuccess(edited -> changed("Saved " + edited.name() + " (" + edited.sku() + ")."))
                .onFailure(status::failed)
                .executeWith(tasks);
    }

    private void changed(String done) {
        status.say(done);
        stockChanged.run();   // says nothing when it works: the action's message stays
    }

    private SweetView selectedOrSay() {
        SweetView sweet = selected.get();
        if (sweet == null) {
            status.refuse("choose a sweet in the table first");
        }
        return sweet;
    }

    /** The sweets that pass the filter. */
    public ObservableList<SweetView> sweets() {
        return filter.shown();
    }

    /** {@link CatalogueFilter#ALL} and the sweets' categories. */
    public ObservableList<String> categories() {
        return filter.categories();
    }

    public StringProperty searchProperty() {
        return filter.searchProperty();
    }

    public ObjectProperty<String> categoryProperty() {
        return filter.categoryProperty();
    }

    public ObjectProperty<SweetView> selectedProperty() {
        return selected;
    }
}
