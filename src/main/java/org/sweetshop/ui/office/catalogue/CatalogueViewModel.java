package org.sweetshop.ui.office.catalogue;

import java.math.BigDecimal;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.catalog.CatalogService;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.catalog.SweetEdit;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.SoldBy;
import org.sweetshop.staff.Caller;
import org.sweetshop.tax.TaxRateView;
import org.sweetshop.ui.common.CatalogueFilter;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.shared.ChosenSweet;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.SweetFigures;
import org.sweetshop.ui.office.shared.TypedInput;

/**
 * The catalogue tab: every sweet (on sale or not) with the till's category and search filter,
 * the sweet chosen in the table (the stock panel beside it works on the same one) and its product
 * barcodes, and adding, repricing, editing and taking a sweet off sale, adding a barcode and
 * changing a PLU or its tax rate. A sweet is counted or weighed: a weighed sweet's price is per kg, its stock and
 * reorder level weights typed with their unit (250g, 2.5kg; {@link TypedInput#amount}).
 */
public final class CatalogueViewModel {

    private final CatalogService catalog;
    private final Caller manager;
    private final String till;
    private final Runnable stockChanged;
    private final OfficeStatus status;
    private final TaskExecutor tasks;

    private final ObservableList<SweetView> sweets = FXCollections.observableArrayList();
    private final ObservableList<String> barcodes = FXCollections.observableArrayList();
    private final ObservableList<TaxRateView> taxRates = FXCollections.observableArrayList();
    private final CatalogueFilter filter = new CatalogueFilter(sweets);
    private final ChosenSweet chosen;

    /** @param stockChanged reads the catalogue and its stock again after a change made here */
    public CatalogueViewModel(CatalogService catalog, Caller manager, String till, Runnable stockChanged, OfficeStatus status,
                              TaskExecutor tasks) {
        this.catalog = catalog;
        this.manager = manager;
        this.till = till;
        this.stockChanged = stockChanged;
        this.status = status;
        this.tasks = tasks;
        this.chosen = new ChosenSweet(status);
        chosen.property().addListener((obs, old, now) -> {
            if (now == null || old == null || !now.sku().equals(old.sku())) {
                barcodes.clear();
            }
            if (now != null) {
                loadBarcodes(now.sku());
            }
        });
    }

    /** Reads the catalogue again; the chosen sweet stays chosen (with its new figures). */
    public void reload() {
        status.task(catalog::list).onSuccess(this::show).executeWith(tasks);
        status.task(catalog::taxRates).onSuccess(taxRates::setAll).executeWith(tasks);
    }

    private void show(List<SweetView> all) {
        SweetView before = chosen.property().get();
        String keep = before == null ? null : before.sku();
        sweets.setAll(all);
        filter.categoriesOf(all);
        if (keep != null) {
            sweets.stream().filter(s -> s.sku().equals(keep)).findFirst().ifPresent(chosen.property()::set);
        }
    }

    /**
     * Adds a sweet sold by the piece or by weight. For a weighed sweet {@code price} is per kg and
     * the opening stock and reorder level are weights; {@code plu} (a weighed sweet's, optional) and
     * {@code barcodes} (space-separated, optional) go with it, as far as the catalogue allows.
     */
    public void addSweet(SoldBy soldBy, String sku, String name, String category, String price, String openingStock,
                         String reorderLevel, String plu, String barcodes) {
        addSweet(soldBy, sku, name, category, price, openingStock, reorderLevel, plu, barcodes, null);
    }

    /** As above, at the tax rate {@code tax} (null: the store's default rate). */
    public void addSweet(SoldBy soldBy, String sku, String name, String category, String price, String openingStock,
                         String reorderLevel, String plu, String barcodes, TaxRateView tax) {
        NewSweet sweet;
        try {
            BigDecimal amount = Money.parse(soldBy.weighed() ? "price per kg" : "price", price);
            int stock = TypedInput.amount("opening stock", openingStock, soldBy, 0, CatalogService.MAX_OPENING_STOCK);
            int reorder = TypedInput.amount("reorder level", reorderLevel, soldBy, 0, CatalogService.MAX_OPENING_STOCK);
            sweet = new NewSweet(sku, name, category, amount, stock, reorder, soldBy, TypedInput.plu(plu), TypedInput.codes(barcodes),
                    tax == null ? null : tax.code());
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return;
        }
        status.say("Adding " + sku + "…");
        status.task(() -> catalog.add(manager, sweet, till))
                .onSuccess(added -> changed("Added " + added.name() + " (" + added.sku() + ")."))
                .executeWith(tasks);
    }

    /** Adds a product barcode (EAN-13, EAN-8, UPC-A) to the chosen sweet; the catalogue checks it and refuses a weighed sweet's. */
    public void addBarcode(String code) {
        SweetView sweet = chosen.orSay();
        if (sweet == null) {
            return;
        }
        if (code == null || code.isBlank()) {
            status.refuse("type or scan the barcode first");
            return;
        }
        status.say("Adding the barcode…");
        status.task(() -> catalog.addBarcode(manager, sweet.sku(), code.strip(), till))
                .onSuccess(kept -> {
                    status.say("Barcode " + kept + " is now on " + sweet.name() + ".");
                    loadBarcodes(sweet.sku());
                })
                .executeWith(tasks);
    }

    /** Gives the chosen sweet a new PLU (1 to 99999), or takes it off with {@code none}. */
    public void changePlu(String text) {
        SweetView sweet = chosen.orSay();
        if (sweet == null) {
            return;
        }
        Integer plu;
        try {
            if (text == null || text.isBlank()) {
                throw new InvalidInputException("PLU", "type the new PLU (1 to 99999), or none to take it off");
            }
            plu = text.strip().equalsIgnoreCase("none") ? null : TypedInput.plu(text);
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return;
        }
        status.say("Changing the PLU…");
        status.task(() -> catalog.changePlu(manager, sweet.sku(), plu, till))
                .onSuccess(changed -> changed(changed.name() + (changed.plu() == null ? " has no PLU now" : " has PLU "
                        + SweetFigures.plu(changed.plu()) + " now") + " (was " + (sweet.plu() == null ? "none" : SweetFigures.plu(sweet.plu()))
                        + ")."))
                .executeWith(tasks);
    }

    /** Moves the chosen sweet to another tax rate (its past sales keep theirs); audited. */
    public void changeTax(TaxRateView tax) {
        SweetView sweet = chosen.orSay();
        if (sweet == null) {
            return;
        }
        if (tax == null) {
            status.refuse("choose the tax rate first");
            return;
        }
        status.say("Changing the tax rate…");
        status.task(() -> catalog.edit(manager, sweet.sku(), SweetEdit.tax(tax.code()), till))
                .onSuccess(changed -> changed(changed.name() + " is sold at " + tax.code() + " (" + tax.name() + ", " + tax.percent()
                        + ") now (was " + sweet.taxCode() + ")."))
                .executeWith(tasks);
    }

    /** The store's tax rates, by code, for the pickers. */
    public ObservableList<TaxRateView> taxRates() {
        return taxRates;
    }

    private void loadBarcodes(String sku) {
        status.task(() -> catalog.barcodes(sku)).onSuccess(found -> {
            SweetView shown = chosen.property().get();
            if (shown != null && shown.sku().equals(sku)) {   // not another sweet chosen meanwhile
                barcodes.setAll(found);
            }
        }).executeWith(tasks);
    }

    public void changePrice(String price) {
        SweetView sweet = chosen.orSay();
        if (sweet == null) {
            return;
        }
        BigDecimal amount;
        try {
            amount = Money.parse(sweet.weighed() ? "price per kg" : "price", price);
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return;
        }
        status.say("Changing the price…");
        status.task(() -> catalog.changePrice(manager, sweet.sku(), amount))
                .onSuccess(changed -> changed("The price of " + changed.name() + " is now " + SweetFigures.price(changed) + " (was "
                        + SweetFigures.price(sweet) + ")."))
                .executeWith(tasks);
    }

    public void deactivate() {
        SweetView sweet = chosen.orSay();
        if (sweet == null) {
            return;
        }
        status.say("Taking " + sweet.name() + " off sale…");
        status.task(() -> catalog.deactivate(manager, sweet.sku()))
                .onSuccess(done -> changed(sweet.name() + " is no longer for sale (its history is kept)."))
                .executeWith(tasks);
    }

    /** Edits the chosen sweet: empty fields are left as they are; a weighed sweet's reorder level is a weight (500g). */
    public void edit(String newSku, String name, String category, String reorderLevel) {
        SweetView sweet = chosen.orSay();
        if (sweet == null) {
            return;
        }
        SweetEdit edit;
        try {
            edit = new SweetEdit(TypedInput.orNull(newSku), TypedInput.orNull(name), TypedInput.orNull(category), null,
                    reorderLevel == null || reorderLevel.isBlank() ? null
                            : TypedInput.amount("reorder level", reorderLevel, sweet.soldBy(), 0, CatalogService.MAX_OPENING_STOCK));
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return;
        }
        status.say("Saving " + sweet.sku() + "…");
        status.task(() -> catalog.edit(manager, sweet.sku(), edit, till))
                .onSuccess(edited -> changed("Saved " + edited.name() + " (" + edited.sku() + ")."))
                .executeWith(tasks);
    }

    private void changed(String done) {
        status.say(done);
        stockChanged.run();   // says nothing when it works: the action's message stays
    }

    /** The sweets that pass the filter. */
    public ObservableList<SweetView> sweets() {
        return filter.shown();
    }

    /** The chosen sweet's product barcodes, in the order added. */
    public ObservableList<String> barcodes() {
        return barcodes;
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

    /** The sweet chosen in the table (the stock panel works on it too). */
    public ChosenSweet chosen() {
        return chosen;
    }

    public ObjectProperty<SweetView> selectedProperty() {
        return chosen.property();
    }
}
