package org.sweetshop.ui.office.settings;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.sweetshop.settings.SettingKey;
import org.sweetshop.ui.common.Controls;
import org.sweetshop.ui.office.shared.OfficeControls;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.OfficeTab;

/** The store settings tab: every key with its value and where it comes from; Save for the owner, read-only for a manager. */
public final class SettingsTab {

    private SettingsTab() {
    }

    /** {@code setting-store-name}: the id of a key's field. */
    public static String id(SettingKey key) {
        return "setting-" + key.key().replace('.', '-');
    }

    public static OfficeTab of(SettingsViewModel model, OfficeStatus status) {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int row = 0;
        for (SettingKey key : SettingKey.values()) {
            Control field = field(model, key);
            field.setId(id(key));
            field.setDisable(!model.editable());
            Label origin = new Label();
            origin.textProperty().bind(model.originProperty(key));
            origin.getStyleClass().add("hint");
            form.addRow(row++, new Label(key.key()), field, origin);
        }
        Button save = Controls.button("Save settings", "save-settings", e -> model.save());
        save.setDisable(!model.editable());
        if (!model.editable()) {
            save.setVisible(false);
        } else {
            save.disableProperty().bind(status.busyProperty());
        }
        Label note = OfficeControls.hint(model.editable()
                ? "Every till uses these from its next log-in; each change is in the audit log." : SettingsViewModel.OWNER_ONLY);
        note.setId("settings-note");
        return new OfficeTab(OfficeControls.tab("Settings", "tab-settings", OfficeControls.page(form, note, form, save)), model::reload);
    }

    private static Control field(SettingsViewModel model, SettingKey key) {
        if (!key.choices().isEmpty()) {
            ComboBox<String> choice = new ComboBox<>();
            choice.getItems().setAll(key.choices());
            choice.valueProperty().bindBidirectional(model.valueProperty(key));
            return choice;
        }
        if (key.multiline()) {
            TextArea area = new TextArea();
            area.setPrefRowCount(3);
            area.setPrefColumnCount(32);
            area.textProperty().bindBidirectional(model.valueProperty(key));
            return area;
        }
        TextField text = new TextField();
        text.setPrefColumnCount(32);
        text.textProperty().bindBidirectional(model.valueProperty(key));
        return text;
    }
}
