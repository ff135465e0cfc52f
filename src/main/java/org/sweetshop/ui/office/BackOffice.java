package org.sweetshop.ui.office;

import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.OfficeTab;
import java.util.List;
import javafx.scene.Parent;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.auditlog.AuditLogTab;
import org.sweetshop.ui.office.conflicts.ConflictsTab;
import org.sweetshop.ui.office.catalogue.CatalogueTab;
import org.sweetshop.ui.office.coupons.CouponsTab;
import org.sweetshop.ui.office.coupons.CouponsViewModel;
import org.sweetshop.ui.office.imports.ImportsTab;
import org.sweetshop.ui.office.promos.PromosTab;
import org.sweetshop.ui.office.refunds.RefundsTab;
import org.sweetshop.ui.office.reports.ReportsTab;
import org.sweetshop.ui.office.settings.SettingsTab;
import org.sweetshop.ui.office.staff.StaffTab;
import org.sweetshop.ui.office.stock.LowStockTab;

/**
 * The back office as the till sees it: one screen with a tab per task, opened for a manager or
 * an owner. The till knows only this class; what is behind it is the back office's own: a
 * package per tab under {@code ui.office} (its tab and its view model), wired by {@link OfficeModels}.
 */
public final class BackOffice {

    private final OfficeModels models;
    private final BackOfficeView view;

    /**
     * @param backToTill what "Back to the till" does (the till asks {@link #mayLeave()} first)
     */
    public BackOffice(OfficeServices services, Caller manager, String till, String storeName, TaskExecutor tasks, Runnable backToTill) {
        this.models = new OfficeModels(services, manager, till, tasks);
        OfficeStatus status = models.status();
        List<OfficeTab> tabs = List.of(
                CatalogueTab.of(models.catalogue(), models.stock(), status),
                LowStockTab.of(models.stock()),
                ImportsTab.of(models.imports(), status),
                RefundsTab.of(models.refunds(), status),
                CouponsTab.of(models.coupons(), status, storeName),
                PromosTab.of(models.promos(), status),
                StaffTab.of(models.staff(), status),
                ReportsTab.of(models.reports(), status),
                AuditLogTab.of(models.auditLog()),
                ConflictsTab.of(models.conflicts(), status),
                SettingsTab.of(models.settings(), status));
        this.view = new BackOfficeView(manager, status, tabs, () -> {
            if (mayLeave()) {
                backToTill.run();
            }
        });
    }

    /** Whether this member of staff may use the back office at all (a cashier may not). */
    public static boolean allowed(Caller caller) {
        return caller != null && caller.role().atLeast(Role.MANAGER);
    }

    /** Loads every tab's lists (again). */
    public void reload() {
        models.reload();
    }

    public Parent root() {
        return view.root();
    }

    /** The back office may be left: not with an unsaved coupon batch (it says why). */
    public boolean mayLeave() {
        return models.mayLeave();
    }

    /** The coupons tab's model, for tests that drive a step the file chooser would start. */
    CouponsViewModel coupons() {
        return models.coupons();
    }
}
