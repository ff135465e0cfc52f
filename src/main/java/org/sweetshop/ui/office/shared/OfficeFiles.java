package org.sweetshop.ui.office.shared;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The back office's file choosers: one to open a file, one to save one, each over the window the asking node is in. */
public final class OfficeFiles {

    private OfficeFiles() {
    }

    /** Asks for a file to read; {@code then} gets it unless the person cancels. */
    public static void open(Node from, String title, Consumer<Path> then, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = chooser(title, filters);
        answer(chooser.showOpenDialog(window(from)), then);
    }

    /** Asks where to save, offering {@code name}; {@code then} gets the place unless the person cancels. */
    public static void save(Node from, String title, String name, Consumer<Path> then, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = chooser(title, filters);
        chooser.setInitialFileName(name);
        answer(chooser.showSaveDialog(window(from)), then);
    }

    private static FileChooser chooser(String title, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(filters);
        return chooser;
    }

    private static void answer(File file, Consumer<Path> then) {
        if (file != null) {
            then.accept(file.toPath());
        }
    }

    private static Window window(Node from) {
        return from.getScene() == null ? null : from.getScene().getWindow();
    }
}
