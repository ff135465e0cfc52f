package org.sweetshop.ui.office.shared;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.sweetshop.catalog.SweetView;

/**
 * The sweet chosen in the catalogue's table: what the catalogue's actions (price, details, off
 * sale) and the stock's (restock, stocktake, history) work on.
 */
public final class ChosenSweet {

    private final ObjectProperty<SweetView> sweet = new SimpleObjectProperty<>();
    private final OfficeStatus status;

    public ChosenSweet(OfficeStatus status) {
        this.status = status;
    }

    /** The chosen sweet, or null with "Choose a sweet in the table first." said. */
    public SweetView orSay() {
        SweetView chosen = sweet.get();
        if (chosen == null) {
            status.refuse("choose a sweet in the table first");
        }
        return chosen;
    }

    public ObjectProperty<SweetView> property() {
        return sweet;
    }
}
