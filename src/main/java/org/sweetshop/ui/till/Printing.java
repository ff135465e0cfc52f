package org.sweetshop.ui.till;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sweetshop.print.TextPdf;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;

/** Receipts and Z reports on paper (the system printer) or as PDF files (saved in the background), telling the screen how it went. */
final class Printing {


    /** Where the outcome is said: good news or a problem, on the screen shown. */
    interface Tell {
        void tell(boolean good, String text);
    }

    private final TaskExecutor tasks;
    private final Supplier<Window> owner;
    private final Tell tell;

    Printing(TaskExecutor tasks, Supplier<Window> owner, Tell tell) {
        this.tasks = tasks;
        this.owner = owner;
        this.tell = tell;
    }

    /** Prints through the system printer; says so where there is none. */
    void print(Node document) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            tell.tell(false, "No printer is set up on this computer: save the receipt as PDF instead.");
            return;
        }
        if (job.showPrintDialog(owner.get()) && job.printPage(document)) {
            job.endJob();
            tell.tell(false, "Receipt sent to " + job.getPrinter().getName() + ".");
        } else {
            job.cancelJob();
        }
    }

    /** Asks where, then saves these lines as a PDF. */
    void savePdf(List<String> lines, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save as PDF");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(owner.get());
        if (file != null) {
            savePdf(lines, file.toPath());
        }
    }

    /** Writes the PDF off the UI thread (it is forced to disk). */
    void savePdf(List<String> lines, Path file) {
        BackgroundTask.of(() -> TextPdf.write(lines, file))
                .onSuccess(done -> tell.tell(true, "Saved " + file.getFileName() + "."))
.onFailure(e -> tell.tell(false, Messages.notSaved(file.getFileName().toString(), e)))
                .executeWith(tasks);
    }
}
