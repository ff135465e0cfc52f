package org.sweetshop.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.sweetshop.catalog.SweetView;

/**
 * The catalogue as a screen filters it, the till's tiles and the back office's table alike: a
 * category chosen from the sweets' own categories (or {@link #ALL}) and a search text matched
 * against name and SKU, ignoring case.
 */
public final class CatalogueFilter {

    /** The category filter's "everything" entry. */
    public static final String ALL = "All";

    private final FilteredList<SweetView> shown;
    private final ObservableList<String> categories = FXCollections.observableArrayList(ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> category = new SimpleObjectProperty<>(ALL);

    /** Filters {@code sweets}, which the caller keeps up to date. */
    public CatalogueFilter(ObservableList<SweetView> sweets) {
        this.shown = new FilteredList<>(sweets, s -> true);
        search.addListener((obs, old, now) -> refilter());
        category.addListener((obs, old, now) -> refilter());
    }

    /** The categories to choose from are those of {@code sweets}; a category that went away falls back to {@link #ALL}. */
    public void categoriesOf(List<SweetView> sweets) {
        List<String> names = new ArrayList<>();
        names.add(ALL);
        sweets.stream().map(SweetView::category).distinct().sorted(String.CASE_INSENSITIVE_ORDER).forEach(names::add);
        categories.setAll(names);
        if (!categories.contains(category.get())) {
            category.set(ALL);
        }
        refilter();
    }

    /** True when this category is among those offered. */
    public boolean offers(String name) {
        return categories.contains(name);
    }

    public boolean matches(SweetView sweet) {
        String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        String chosen = category.get();
        return (chosen == null || ALL.equals(chosen) || sweet.category().equals(chosen))
                && (text.isEmpty() || sweet.name().toLowerCase(Locale.ROOT).contains(text)
                || sweet.sku().toLowerCase(Locale.ROOT).contains(text));
    }

    private void refilter() {
        shown.setPredicate(this::matches);
    }

    /** The sweets that pass the filter. */
    public ObservableList<SweetView> shown() {
        return shown;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> categoryProperty() {
        return category;
    }
}
