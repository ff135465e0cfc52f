package org.sweetshop.ui.office.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The back office's own builders, on top of {@code ui.common.Controls}: tables, columns, section titles, tabs. */
public final class OfficeControls {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private OfficeControls() {
    }

    /** A tab of the back office; its id is what tests and screenshot scripts click. */
    public static Tab tab(String name, String id, Node content) {
        Tab tab = new Tab(name, content);
        tab.setId(id);
        return tab;
    }

    /** A table with columns that share its width, and what it says while empty. */
    public static <T> TableView<T> table(String id, ObservableList<T> items, String placeholder) {
        TableView<T> table = items == null ? new TableView<>() : new TableView<>(items);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setId(id);
        if (placeholder != null) {
            table.setPlaceholder(new Label(placeholder));
        }
        return table;
    }

    /** A tab's content: its parts one under the other, {@code grows} taking the height left. */
    public static VBox page(Node grows, Node... parts) {
        VBox box = new VBox(10, parts);
        VBox.setVgrow(grows, Priority.ALWAYS);
        return padded(box);
    }

    public static <P extends Pane> P padded(P pane) {
        pane.setPadding(new Insets(12));
        return pane;
    }

    public static <T> TableColumn<T, String> column(String name, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Runs {@code action} on the table's selected row, if there is one. */
    public static <T> void withSelected(TableView<T> table, Consumer<? super T> action) {
        T row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            action.accept(row);
        }
    }

    public static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section");
        return label;
    }

    public static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        return label;
    }

    /** "2026-11-23 09:05" in this machine's zone. */
    public static String when(Instant at) {
        return WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    /** "11-23 09:05" in this machine's zone. */
    public static String shortWhen(Instant at) {
        return SHORT.format(at.atZone(ZoneId.systemDefault()));
    }

    /** A toggle of {@code group} (one of a choice such as "% off" / "amount off" or "by the piece" / "by weight"). */
    public static ToggleButton toggle(String text, String id, ToggleGroup group) {
        ToggleButton toggle = new ToggleButton(text);
        toggle.setId(id);
        toggle.setToggleGroup(group);
        return toggle;
    }

    /** The "% off" / "amount off" choice of a coupon or a promo code, "% off" chosen. */
    public record DiscountKind(ToggleButton percent, ToggleButton amount) {

        /** @param prefix the ids' start: {@code promo} gives {@code promo-percent} and {@code promo-amount} */
        public static DiscountKind of(String prefix) {
            ToggleGroup group = new ToggleGroup();
            DiscountKind kind = new DiscountKind(toggle("% off", prefix + "-percent", group),
                    toggle("amount off", prefix + "-amount", group));
            kind.percent().setSelected(true);
            return kind;
        }

        public boolean isPercent() {
            return percent.isSelected();
        }
    }
}
