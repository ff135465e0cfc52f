package org.sweetshop.ui.till;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.layout.Pane;
import org.sweetshop.staff.PinHolder;
import org.sweetshop.ui.common.Controls;

/**
 * The names of the staff who may type a PIN, as big buttons (the lock screen's and the manager
 * approval's): a tap chooses the name, and the chosen one stands out.
 */
final class PinNames {

    private PinNames() {
    }

    /**
     * {@code names} shows one button per holder, ids {@code idPrefix + username}, 56 px tall;
     * a tap hands the username to {@code choose}; the {@code chosen} name is marked.
     */
    static void show(Pane names, List<PinHolder> holders, String idPrefix, List<String> styles, Consumer<String> choose,
                     String chosen) {
        names.getChildren().setAll(holders.stream().map(holder -> {
            Button name = Controls.button(holder.username(), idPrefix + holder.username(), e -> choose.accept(holder.username()));
            name.getStyleClass().addAll(styles);
            name.setUserData(holder.username());
            name.setPrefHeight(56);
            return name;
        }).toList());
        markChosen(names, chosen);
    }

    /** The button of the {@code chosen} username stands out (accent); the others do not. */
    static void markChosen(Pane names, String chosen) {
        names.getChildren().forEach(node -> {
            node.getStyleClass().remove("accent");
            if (node.getUserData() != null && node.getUserData().equals(chosen)) {
                node.getStyleClass().add("accent");
            }
        });
    }
}
