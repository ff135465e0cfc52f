package org.sweetshop.ui.office;

import java.io.File;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import javafx.scene.Parent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sweetshop.report.ReportCsv;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * The back office as the till sees it: one screen with a tab per task, opened for a manager or
 * an owner. The till knows only this class; what is behind it is the back office's own.
 */
public final class BackOffice {

    private final OfficeViewModel model;
    private final BackOfficeView view;
    private final String storeName;

    /**
     * @param backToTill what "Back to the till" does (the till asks {@link #mayLeave()} first)
     */
    public BackOffice(OfficeServices services, Caller manager, String till, String storeName, TaskExecutor tasks, Runnable backToTill) {
        this.storeName = storeName;
        Executor background = work -> BackgroundTask.of(work::run).executeWith(tasks);
        this.model = new OfficeViewModel(services, manager, till, background, tasks::onUi);
        this.view = new BackOfficeView(model, new BackOfficeView.Actions() {
            @Override
            public void backToTill() {
                if (mayLeave()) {
                    backToTill.run();
                }
            }

            @Override
            public void chooseCsv(boolean delivery) {
                BackOffice.this.chooseCsv(delivery);
            }

            @Override
            public void exportReport(ReportCsv.Table table) {
                BackOffice.this.exportReport(table);
            }

            @Override
            public void saveCouponSheet() {
                BackOffice.this.saveCouponSheet();
            }
        });
    }

    /** Whether this member of staff may use the back office at all (a cashier may not). */
    public static boolean allowed(Caller caller) {
        return caller != null && caller.role().atLeast(Role.MANAGER);
    }

    /** Loads every tab's lists (again). */
    public void reload() {
        model.reload();
    }

    public Parent root() {
        return view.root();
    }

    /** The back office may be left: not with an unsaved coupon batch (it says why). */
    public boolean mayLeave() {
        return model.mayLeave();
    }

    /** The model behind the screen, for tests that drive a step the file choosers would start. */
    OfficeViewModel model() {
        return model;
    }

    private Window window() {
        return view.root().getScene() == null ? null : view.root().getScene().getWindow();
    }

    private void chooseCsv(boolean delivery) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(delivery ? "Choose a delivery CSV (sku,qty)" : "Choose a catalogue CSV");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"), new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            if (delivery) {
                model.previewDeliveryImport(file.toPath());
            } else {
                model.previewCatalogueImport(file.toPath());
            }
        }
    }

    private void exportReport(ReportCsv.Table table) {
        var report = model.reportProperty().get();
        if (report == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the report as CSV");
        chooser.setInitialFileName("sales-" + table.id() + "-" + report.from() + "-" + report.to() + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.exportReport(table, file.toPath());
        }
    }

    private void saveCouponSheet() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the printable coupon sheet");
        chooser.setInitialFileName("coupons-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + ".pdf");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.saveCouponSheet(file.toPath(), storeName);
        }
    }
}
