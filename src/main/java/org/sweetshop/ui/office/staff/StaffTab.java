package org.sweetshop.ui.office.staff;

import static org.sweetshop.ui.office.shared.OfficeControls.column;
import static org.sweetshop.ui.office.shared.OfficeControls.section;

import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffView;
import org.sweetshop.ui.common.Controls;
import org.sweetshop.ui.office.shared.OfficeControls;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.OfficeTab;

/** The staff tab: the accounts; deactivating one or resetting its password; adding one. */
public final class StaffTab {

    private StaffTab() {
    }

    public static OfficeTab of(StaffViewModel model, OfficeStatus status) {
        TableView<StaffView> table = OfficeControls.table("staff-table", model.staff(), null);
        table.getColumns().add(column("Username", StaffView::username, 160));
        table.getColumns().add(column("Role", s -> s.role().label(), 100));
        table.getColumns().add(column("Active", s -> s.active() ? "yes" : "no", 70));
        table.getColumns().add(column("Since", s -> OfficeControls.when(s.createdAt()), 140));
        Button deactivate = Controls.button("Deactivate selected", "deactivate-staff",
                e -> OfficeControls.withSelected(table, person -> model.deactivateStaff(person.username())));
        Button reset = Controls.button("Reset password of selected", "reset-password",
                e -> OfficeControls.withSelected(table, person -> model.resetPassword(person.username())));
        for (Button b : new Button[] {deactivate, reset}) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(status.busyProperty()));
        }

        TextField username = Controls.field("staff-username", "Username");
        ComboBox<Role> role = new ComboBox<>(FXCollections.observableArrayList(Role.values()));
        role.setId("staff-role");
        role.setValue(Role.CASHIER);
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : r.label();
            }

            @Override
            public Role fromString(String text) {
                return Role.parse(text);
            }
        });
        Button add = Controls.button("Add (password generated)", "add-staff", e -> model.addStaff(username.getText(), role.getValue()));
        add.disableProperty().bind(status.busyProperty());

        return new OfficeTab(OfficeControls.tab("Staff", "tab-staff", OfficeControls.page(table, table, new HBox(8, deactivate, reset),
                section("Add a member of staff"), new HBox(8, username, role, add),
                OfficeControls.hint("Only an owner can add managers and owners."))), model::reload);
    }
}
