package org.sweetshop.ui.office.auditlog;

import static org.sweetshop.ui.office.shared.OfficeControls.column;

import java.util.Locale;
import javafx.scene.control.TableView;
import org.sweetshop.staff.AuditEntry;
import org.sweetshop.ui.office.shared.OfficeControls;
import org.sweetshop.ui.office.shared.OfficeTab;

/** The audit log tab: who changed what and when, newest first, read again each time it is shown. */
public final class AuditLogTab {

    private AuditLogTab() {
    }

    public static OfficeTab of(AuditLogViewModel model) {
        TableView<AuditEntry> table = OfficeControls.table("audit-log-table", model.entries(),
                "Price changes and staff actions are listed here.");
        table.getColumns().add(column("When", a -> OfficeControls.when(a.at()), 140));
        table.getColumns().add(column("Who", AuditEntry::staff, 90));
        table.getColumns().add(column("What", a -> a.action().name().toLowerCase(Locale.ROOT).replace('_', ' '), 150));
        table.getColumns().add(column("Of", AuditEntry::subject, 120));
        table.getColumns().add(column("Was", a -> a.oldValue() == null ? "" : a.oldValue(), 140));
        table.getColumns().add(column("Now", a -> a.newValue() == null ? "" : a.newValue(), 140));
        table.getColumns().add(column("Till", a -> a.till() == null ? "" : a.till(), 60));
        return new OfficeTab(OfficeControls.tab("Audit log", "tab-audit-log",
                OfficeControls.page(table, OfficeControls.section("Price and staff actions, newest first"), table)), model::load);
    }
}
