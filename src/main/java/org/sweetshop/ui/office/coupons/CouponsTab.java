package org.sweetshop.ui.office.coupons;

import static org.sweetshop.ui.office.shared.OfficeControls.column;
import static org.sweetshop.ui.office.shared.OfficeControls.section;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.sweetshop.coupon.CouponListing;
import org.sweetshop.coupon.CouponState;
import org.sweetshop.coupon.IssuedCoupon;
import org.sweetshop.ui.common.Controls;
import org.sweetshop.ui.office.shared.OfficeControls;
import org.sweetshop.ui.office.shared.OfficeControls.DiscountKind;
import org.sweetshop.ui.office.shared.OfficeFiles;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.OfficeTab;

/**
 * The coupons tab: on the left a batch issued and saved as a printable sheet; on the right the
 * coupons by state and voiding one.
 */
public final class CouponsTab {

    private final CouponsViewModel model;
    private final OfficeStatus status;

    private CouponsTab(CouponsViewModel model, OfficeStatus status) {
        this.model = model;
        this.status = status;
    }

    /** @param storeName what the labels of the printable sheet say */
    public static OfficeTab of(CouponsViewModel model, OfficeStatus status, String storeName) {
        CouponsTab tab = new CouponsTab(model, status);
        Node issuing = tab.issuing(storeName);
        Node listing = tab.listing();
        HBox.setHgrow(issuing, Priority.ALWAYS);
        HBox.setHgrow(listing, Priority.ALWAYS);
        HBox box = new HBox(16, issuing, listing);
        box.setPadding(new Insets(12));
        return new OfficeTab(OfficeControls.tab("Coupons", "tab-coupons", box), null);
    }

    private Node issuing(String storeName) {
        TextField count = Controls.field("coupon-count", "How many");
        DiscountKind kind = DiscountKind.of("coupon");
        TextField value = Controls.field("coupon-value", "Value, e.g. 10");
        TextField expiry = Controls.field("coupon-expiry", "Valid until (YYYY-MM-DD, empty: none)");
        Button issue = Controls.button("Issue batch", "issue-coupons",
                e -> model.issueCoupons(count.getText(), kind.isPercent(), value.getText(), expiry.getText()));
        issue.getStyleClass().add("accent");
        issue.disableProperty().bind(status.busyProperty().or(model.unsavedBatchProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("coupon-progress");
        progress.setPrefWidth(320);
        progress.progressProperty().bind(status.progressProperty());

        TableView<IssuedCoupon> table = OfficeControls.table("issued-table", model.issued(),
                "Issue a batch: the new coupons are listed here to print.");
        table.getColumns().add(column("Token (in the QR code)", IssuedCoupon::token, 340));
        table.getColumns().add(column("Value", c -> c.discount().describe(), 100));
        table.getColumns().add(column("Valid until", c -> c.expiresOn() == null ? "no expiry" : c.expiresOn().toString(), 110));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button sheet = Controls.button("Save printable sheet (PDF) and PNGs…", "save-sheet", e -> OfficeFiles.save(table,
                "Save the printable coupon sheet",
                "coupons-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + ".pdf",
                pdf -> model.saveCouponSheet(pdf, storeName), new FileChooser.ExtensionFilter("PDF", "*.pdf")));
        sheet.disableProperty().bind(Bindings.isEmpty(model.issued()).or(status.busyProperty()));
        return new VBox(10, section("Issue a batch"), new FlowPane(8, 8, count, kind.percent(), kind.amount(), value, expiry, issue),
                progress, table, sheet);
    }

    private Node listing() {
        ComboBox<String> state = new ComboBox<>(FXCollections.observableArrayList("all", "issued", "redeemed", "expired", "void"));
        state.setId("coupon-state");
        state.setValue("all");
        Button list = Controls.button("List coupons", "list-coupons", e -> model.listCoupons(
                "all".equals(state.getValue()) ? null : CouponState.valueOf(state.getValue().toUpperCase(Locale.ROOT))));
        TableView<CouponListing> listed = OfficeControls.table("coupon-list", model.couponList(), "List the coupons by state.");
        listed.getColumns().add(column("Code", c -> "…" + c.hint(), 80));
        listed.getColumns().add(column("Value", c -> c.discount().describe(), 100));
        listed.getColumns().add(column("State", c -> c.state().name().toLowerCase(Locale.ROOT), 80));
        listed.getColumns().add(column("Valid until", c -> c.expiresOn() == null ? "no expiry" : c.expiresOn().toString(), 100));
        listed.getColumns().add(column("Issued", c -> OfficeControls.when(c.issuedAt()), 130));
        listed.getColumns().add(column("Redeemed", c -> c.redeemedAt() == null ? ""
                : OfficeControls.when(c.redeemedAt()) + " at " + c.redeemedTill(), 190));
        VBox.setVgrow(listed, Priority.ALWAYS);

        TextField voidToken = Controls.field("void-token", "Scan or type a coupon to void");
        voidToken.setPrefColumnCount(22);
        Button voidIt = Controls.button("Void", "void-coupon", e -> {
            model.voidCoupon(voidToken.getText());
            voidToken.clear();
        });
        voidIt.getStyleClass().add("danger");
        voidIt.disableProperty().bind(status.busyProperty().or(voidToken.textProperty().isEmpty()));
        return new VBox(10, section("Coupons by state"), new HBox(8, state, list), listed, section("Void a coupon"),
                new HBox(8, voidToken, voidIt));
    }
}
