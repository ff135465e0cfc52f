package org.sweetshop.ui.office.promos;

import static org.sweetshop.ui.office.shared.OfficeControls.column;
import static org.sweetshop.ui.office.shared.OfficeControls.section;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import org.sweetshop.promo.PromoView;
import org.sweetshop.ui.common.Controls;
import org.sweetshop.ui.office.shared.OfficeControls;
import org.sweetshop.ui.office.shared.OfficeControls.DiscountKind;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.OfficeTab;

/** The promo codes tab: the codes and their uses; the chosen one's limits; a new code. */
public final class PromosTab {

    private PromosTab() {
    }

    public static OfficeTab of(PromosViewModel model, OfficeStatus status) {
        TableView<PromoView> table = OfficeControls.table("promos-table", model.promos(), "No promo codes yet.");
        table.getColumns().add(column("Code", PromoView::code, 120));
        table.getColumns().add(column("Discount", p -> p.discount().describe(), 110));
        table.getColumns().add(column("Uses", p -> p.uses() + (p.maxUses() == null ? "" : " / " + p.maxUses()), 90));
        table.getColumns().add(column("Valid until", p -> p.validUntil() == null ? "" : p.validUntil().toString(), 100));
        table.getColumns().add(column("Active", p -> p.active() ? "yes" : "no", 70));
        var chosen = table.getSelectionModel().selectedItemProperty();

        Button deactivate = Controls.button("Deactivate selected", "deactivate-promo",
                e -> OfficeControls.withSelected(table, promo -> model.deactivatePromo(promo.code())));
        TextField editMax = Controls.field("promo-edit-max", "Max uses (empty: unlimited)");
        TextField editUntil = Controls.field("promo-edit-until", "Valid until (empty: none)");
        CheckBox on = new CheckBox("switched on");
        on.setId("promo-edit-active");
        on.setSelected(true);
        chosen.addListener((obs, old, promo) -> {
            if (promo != null) {
                editMax.setText(promo.maxUses() == null ? "" : promo.maxUses().toString());
                editUntil.setText(promo.validUntil() == null ? "" : promo.validUntil().toString());
                on.setSelected(promo.active());
            }
        });
        Button save = Controls.button("Save limits", "edit-promo",
                e -> OfficeControls.withSelected(table,
                        promo -> model.editPromo(promo.code(), editMax.getText(), editUntil.getText(), on.isSelected())));
        for (Button b : new Button[] {deactivate, save}) {
            b.disableProperty().bind(chosen.isNull().or(status.busyProperty()));
        }

        TextField code = Controls.field("promo-code", "CODE");
        DiscountKind kind = DiscountKind.of("promo");
        TextField value = Controls.field("promo-value", "Value");
        TextField max = Controls.field("promo-max", "Max uses (empty: unlimited)");
        TextField until = Controls.field("promo-until", "Valid until (YYYY-MM-DD)");
        Button add = Controls.button("Add promo", "add-promo",
                e -> model.addPromo(code.getText(), kind.isPercent(), value.getText(), max.getText(), until.getText()));
        add.disableProperty().bind(status.busyProperty());

        return new OfficeTab(OfficeControls.tab("Promo codes", "tab-promos", OfficeControls.page(table, table,
                new FlowPane(8, 8, deactivate, new Label("  Selected:"), editMax, editUntil, on, save),
                section("Add a promo code"), new FlowPane(8, 8, code, kind.percent(), kind.amount(), value, max, until, add))),
                model::reload);
    }
}
