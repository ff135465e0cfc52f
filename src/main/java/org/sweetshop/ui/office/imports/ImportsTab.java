package org.sweetshop.ui.office.imports;

import static org.sweetshop.ui.office.shared.OfficeControls.section;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.sweetshop.ui.common.Controls;
import org.sweetshop.ui.office.shared.OfficeControls;
import org.sweetshop.ui.office.shared.OfficeFiles;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.OfficeTab;

/** The imports tab: choose a catalogue or delivery CSV, see its problems row by row, import it when it has none. */
public final class ImportsTab {

    private ImportsTab() {
    }

    public static OfficeTab of(ImportsViewModel model, OfficeStatus status) {
        ListView<String> errors = new ListView<>(model.importErrors());
        errors.setId("import-errors");
        errors.setPlaceholder(new Label("Problems found in a file are listed here, row by row."));
        Button catalogue = Controls.button("Check a catalogue CSV…", "check-catalogue-csv",
                e -> choose(errors, "Choose a catalogue CSV", model::previewCatalogueImport));
        Button delivery = Controls.button("Check a delivery CSV…", "check-delivery-csv",
                e -> choose(errors, "Choose a delivery CSV (sku,qty)", model::previewDeliveryImport));
        Button apply = Controls.button("Import", "apply-import", e -> model.applyImport());
        apply.getStyleClass().add("accent");
        apply.disableProperty().bind(model.importReadyProperty().not().or(status.busyProperty()));
        Label format = OfficeControls.hint("Catalogue: sku,name,category,price,stock,reorder_level (new sweets only). Delivery: sku,qty."
                + " A file is checked whole first; it is imported only when every row is right, all in one go.");
        return new OfficeTab(OfficeControls.tab("Imports", "tab-imports",
                OfficeControls.page(errors, section("Import from CSV"), format, new HBox(8, catalogue, delivery, apply), errors)), null);
    }

    private static void choose(ListView<String> from, String title, Consumer<Path> check) {
        OfficeFiles.open(from, title, check, new FileChooser.ExtensionFilter("CSV", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
    }
}
