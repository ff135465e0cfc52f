package org.sweetshop.ui.office;

import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.auditlog.AuditLogViewModel;
import org.sweetshop.ui.office.catalogue.CatalogueViewModel;
import org.sweetshop.ui.office.conflicts.ConflictsViewModel;
import org.sweetshop.ui.office.coupons.CouponsViewModel;
import org.sweetshop.ui.office.imports.ImportsViewModel;
import org.sweetshop.ui.office.promos.PromosViewModel;
import org.sweetshop.ui.office.refunds.RefundsViewModel;
import org.sweetshop.ui.office.reports.ReportsViewModel;
import org.sweetshop.ui.office.settings.SettingsViewModel;
import org.sweetshop.ui.office.staff.StaffViewModel;
import org.sweetshop.ui.office.stock.StockViewModel;

/**
 * The view models of the back office's tabs, each given only the services it uses, wired to one
 * another where a change in one tab shows in another: a restock, an import, a refund or a
 * catalogue change reads the catalogue and low stock again. They share one {@link OfficeStatus}.
 */
public final class OfficeModels {

    private final OfficeStatus status = new OfficeStatus();
    private final CatalogueViewModel catalogue;
    private final StockViewModel stock;
    private final ImportsViewModel imports;
    private final RefundsViewModel refunds;
    private final CouponsViewModel coupons;
    private final PromosViewModel promos;
    private final StaffViewModel staff;
    private final ReportsViewModel reports;
    private final AuditLogViewModel auditLog;
    private final ConflictsViewModel conflicts;
    private final SettingsViewModel settings;

    /** @param till the till (or back office terminal) the changes are made at */
    public OfficeModels(OfficeServices services, Caller manager, String till, TaskExecutor tasks) {
        catalogue = new CatalogueViewModel(services.catalog(), manager, till, this::stockChanged, status, tasks);
        stock = new StockViewModel(services.stock(), manager, till, catalogue.chosen(), this::stockChanged, status, tasks);
        imports = new ImportsViewModel(services.catalogImport(), services.deliveryImport(), manager, till, this::stockChanged, status,
                tasks);
        refunds = new RefundsViewModel(services.refunds(), manager, till, this::stockChanged, status, tasks);
        coupons = new CouponsViewModel(services.coupons(), manager, status, tasks);
        promos = new PromosViewModel(services.promos(), manager, status, tasks);
        staff = new StaffViewModel(services.staff(), manager, status, tasks);
        reports = new ReportsViewModel(services.reports(), manager, status, tasks);
        auditLog = new AuditLogViewModel(services.auditLog(), manager, status, tasks);
        conflicts = new ConflictsViewModel(services.conflicts(), manager, status, tasks);
        settings = new SettingsViewModel(services.settings(), manager, till, status, tasks);
    }

    /** The catalogue or its stock changed: the catalogue (and through it the chosen sweet's history) and low stock are read again. */
    private void stockChanged() {
        catalogue.reload();
        stock.loadLowStock();
    }

    /** Loads the lists the tabs open with: catalogue, low stock, promo codes, staff. */
    public void reload() {
        stockChanged();
        promos.reload();
        staff.reload();
    }

    /** Whether the back office may be left: not with a coupon batch whose sheet is not saved (the message line says so). */
    public boolean mayLeave() {
        return coupons.mayLeave();
    }

    public OfficeStatus status() {
        return status;
    }

    public CatalogueViewModel catalogue() {
        return catalogue;
    }

    public StockViewModel stock() {
        return stock;
    }

    public ImportsViewModel imports() {
        return imports;
    }

    public RefundsViewModel refunds() {
        return refunds;
    }

    public CouponsViewModel coupons() {
        return coupons;
    }

    public PromosViewModel promos() {
        return promos;
    }

    public StaffViewModel staff() {
        return staff;
    }

    public ReportsViewModel reports() {
        return reports;
    }

    public AuditLogViewModel auditLog() {
        return auditLog;
    }

    public ConflictsViewModel conflicts() {
        return conflicts;
    }

    public SettingsViewModel settings() {
        return settings;
    }
}
