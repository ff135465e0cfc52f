package org.sweetshop.ui.office.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.report.ReportCsv;
import org.sweetshop.report.ReportService;
import org.sweetshop.report.SalesReport;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.TypedInput;

/** Reports: the sales report for a range of days, and any of its tables saved as CSV. */
public final class ReportsViewModel {

    private final ReportService reports;
    private final Caller manager;
    private final OfficeStatus status;
    private final TaskExecutor tasks;

    private final ReadOnlyObjectWrapper<SalesReport> report = new ReadOnlyObjectWrapper<>();

    public ReportsViewModel(ReportService reports, Caller manager, OfficeStatus status, TaskExecutor tasks) {
        this.reports = reports;
        this.manager = manager;
        this.status = status;
        this.tasks = tasks;
    }

    /** The sales report for a date range (typed as YYYY-MM-DD; empty: today). */
    public void loadReport(String fromText, String toText) {
        LocalDate from;
        LocalDate to;
        try {
            from = TypedInput.date("from", fromText);
            to = TypedInput.date("to", toText);
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return;
        }
        LocalDate today = LocalDate.now(reports.zone());
        LocalDate start = from == null ? today : from;
        LocalDate end = to == null ? start.isAfter(today) ? start : today : to;
        status.say("Making the report…");
        status.task(() -> reports.sales(manager, start, end))
                .onSuccess(made -> {
                    report.set(made);
                    status.say("Sales " + made.from() + " to " + made.to() + ": " + made.summary().sales() + " sales, net "
                            + Money.format(made.summary().net()) + ".");
                })
                .executeWith(tasks);
    }

    /** Saves one table of the report shown as CSV. */
    public void exportReport(ReportCsv.Table table, Path file) {
        SalesReport shown = report.get();
        if (shown == null) {
            status.refuse("make a report first");
            return;
        }
        status.say("Saving " + file.getFileName() + "…");
        status.task(() -> ReportCsv.write(shown, table, file))
                .onSuccess(done -> status.say("Saved " + table.id() + " as " + file + "."))
                .executeWith(tasks);
    }

    /** The report shown, or null before the first. */
    public ReadOnlyObjectProperty<SalesReport> reportProperty() {
        return report.getReadOnlyProperty();
    }
}
