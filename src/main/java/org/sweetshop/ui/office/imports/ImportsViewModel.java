package org.sweetshop.ui.office.imports;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.catalog.CatalogImport;
import org.sweetshop.catalog.ImportError;
import org.sweetshop.staff.Caller;
import org.sweetshop.stock.DeliveryImport;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.shared.OfficeStatus;

/**
 * CSV imports: a catalogue file (new sweets) or a delivery file ({@code sku,qty}) is checked
 * whole first, every bad row listed; only a file without one can be imported, all in one go.
 */
public final class ImportsViewModel {

    /** A checked file: its problems, its rows, and how to import it. */
    private record Checked(List<ImportError> errors, int rows, Callable<String> apply) {
    }

    private final CatalogImport catalogImport;
    private final DeliveryImport deliveryImport;
    private final Caller manager;
    private final String till;
    private final Runnable stockChanged;
    private final OfficeStatus status;
    private final TaskExecutor tasks;

    private final ObservableList<String> importErrors = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper importReady = new ReadOnlyBooleanWrapper(false);
    private Callable<String> pendingImport;

    /** @param stockChanged reads the catalogue and its stock again after an import */
    public ImportsViewModel(CatalogImport catalogImport, DeliveryImport deliveryImport, Caller manager, String till, Runnable stockChanged,
                            OfficeStatus status, TaskExecutor tasks) {
        this.catalogImport = catalogImport;
        this.deliveryImport = deliveryImport;
        this.manager = manager;
        this.till = till;
        this.stockChanged = stockChanged;
        this.status = status;
        this.tasks = tasks;
    }

    /** Reads a catalogue CSV and checks every row; nothing is imported until {@link #applyImport()}. */
    public void previewCatalogueImport(Path file) {
        check(file, reader -> {
            CatalogImport.Preview preview = catalogImport.preview(reader);
            return new Checked(preview.errors(), preview.rows(), () -> {
                var result = catalogImport.apply(manager, preview, till);
                return "Imported " + result.imported() + " sweets from " + file.getFileName() + ".";
            });
        });
    }

    /** Reads a delivery CSV ({@code sku,qty}) and checks every row; nothing is restocked until {@link #applyImport()}. */
    public void previewDeliveryImport(Path file) {
        check(file, reader -> {
            DeliveryImport.Preview preview = deliveryImport.preview(reader);
            return new Checked(preview.errors(), preview.rows(), () -> {
                var result = deliveryImport.apply(manager, preview, till, "delivery " + file.getFileName());
                return "Delivery " + file.getFileName() + " booked: " + result.units() + " units over " + result.changes().size()
                        + " sweets.";
            });
        });
    }

    private void check(Path file, Function<Reader, Checked> preview) {
        status.say("Checking " + file.getFileName() + "…");
        status.task(() -> {
                    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        return preview.apply(reader);
                    }
                })
                .onSuccess(checked -> show(file, checked))
                .executeWith(tasks);
    }

    private void show(Path file, Checked checked) {
        importErrors.setAll(checked.errors().stream()
                .map(e -> "row " + e.row() + (e.column() == null ? "" : ", " + e.column()) + ": " + e.reason()).toList());
        boolean ready = checked.errors().isEmpty();
        pendingImport = ready ? checked.apply() : null;
        importReady.set(ready);
        if (ready) {
            status.say(file.getFileName() + ": " + checked.rows() + " rows, all valid. Press Import to add them (all or nothing).");
        } else {
            status.refuse("the file " + file.getFileName() + " has " + checked.errors().size()
                    + " problem(s): nothing will be imported until every row is right");
        }
    }

    /** Imports the previewed file: every row in one transaction, or none. */
    public void applyImport() {
        Callable<String> apply = pendingImport;
        if (apply == null) {
            status.refuse("check a file first");
            return;
        }
        pendingImport = null;
        importReady.set(false);
        status.say("Importing…");
        status.task(apply)
                .onSuccess(done -> {
                    status.say(done);
                    stockChanged.run();
                })
                .executeWith(tasks);
    }

    /** The rows a checked CSV file got wrong (row, column, why). */
    public ObservableList<String> importErrors() {
        return importErrors;
    }

    public ReadOnlyBooleanProperty importReadyProperty() {
        return importReady.getReadOnlyProperty();
    }
}
