package org.sweetshop.ui.office;

import org.sweetshop.ui.common.Steps;
import org.sweetshop.ui.common.Messages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.sweetshop.catalog.CatalogImport;
import org.sweetshop.catalog.ImportError;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.catalog.SweetEdit;
import org.sweetshop.stock.DeliveryImport;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.coupon.CouponListing;
import org.sweetshop.coupon.CouponPage;
import org.sweetshop.coupon.CouponState;
import org.sweetshop.coupon.IssuedCoupon;
import org.sweetshop.print.CouponSheet;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.promo.PromoView;
import org.sweetshop.report.ReportCsv;
import org.sweetshop.report.SalesReport;
import org.sweetshop.staff.AuditEntry;
import org.sweetshop.staff.AuditLogFilter;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.refund.RefundView;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;
import org.sweetshop.staff.StaffView;
import org.sweetshop.stock.MovementView;

/**
 * The back office's state for a manager or owner: the catalogue (with search and category
 * filter), stock (restock, stocktake, history, low stock), promo codes, staff and coupon batches.
 * Every call goes through the services (which refuse a cashier anyway) on the background
 * executor; the answers come back on the UI executor. Typed text is parsed here, with a clear
 * refusal and nothing sent when it is not valid.
 */
public final class OfficeViewModel {

    /** The category filter's "everything" entry. */
    public static final String ALL = "All categories";

    private final Steps steps;
    private final OfficeServices app;
    private final Caller manager;
    private final String till;
    private final Executor background;
    private final Executor ui;

    private final ObservableList<SweetView> sweets = FXCollections.observableArrayList();
    private final FilteredList<SweetView> shownSweets = new FilteredList<>(sweets, s -> true);
    private final ObservableList<String> categories = FXCollections.observableArrayList(ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> category = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<SweetView> selected = new SimpleObjectProperty<>();
    private final ObservableList<MovementView> movements = FXCollections.observableArrayList();
    private final ObservableList<SweetView> lowStock = FXCollections.observableArrayList();
    private final ObservableList<PromoView> promos = FXCollections.observableArrayList();
    private final ObservableList<StaffView> staff = FXCollections.observableArrayList();
    private final ObservableList<IssuedCoupon> issued = FXCollections.observableArrayList();
    private final ObservableList<RefundView> refunds = FXCollections.observableArrayList();
    private final ObservableList<CouponListing> couponList = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper unsavedBatch = new ReadOnlyBooleanWrapper(false);
    private java.util.Optional<CouponState> listedState;
    private final ObservableList<AuditEntry> auditLog = FXCollections.observableArrayList();
    private final ObservableList<String> importErrors = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper importReady = new ReadOnlyBooleanWrapper(false);
    private Callable<String> pendingImport;
    private final ReadOnlyObjectWrapper<SalesReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Double> progress = new ReadOnlyObjectWrapper<>(0.0);

    public OfficeViewModel(OfficeServices app, Caller manager, String till, Executor background, Executor ui) {
        this.steps = new Steps(background, ui, busy, why -> say(true, why));
        this.app = app;
        this.manager = manager;
        this.till = till;
        this.background = background;
        this.ui = ui;
        search.addListener((obs, old, now) -> refilter());
        category.addListener((obs, old, now) -> refilter());
        selected.addListener((obs, old, now) -> {
            movements.clear();
            if (now != null) {
                history(now.sku());
            }
        });
    }

    /** Whether this member of staff may use the back office at all (a cashier may not). */
    public static boolean allowed(Caller caller) {
        return caller != null && caller.role().atLeast(Role.MANAGER);
    }

    // ---- loading --------------------------------------------------------------------------

    /** Loads every list again. */
    public void reload() {
        run(null, () -> {
            List<SweetView> all = app.catalog().list();
            List<SweetView> low = app.stock().lowStock();
            List<PromoView> allPromos = app.promos().list();
            List<StaffView> people = app.staff().list(manager);
            return () -> {
                showSweets(all);
                lowStock.setAll(low);
                promos.setAll(allPromos);
                staff.setAll(people);
            };
        });
    }

    private void showSweets(List<SweetView> all) {
        String keep = selected.get() == null ? null : selected.get().sku();
        sweets.setAll(all);
        List<String> names = new java.util.ArrayList<>();
        names.add(ALL);
        all.stream().map(SweetView::category).distinct().sorted(String.CASE_INSENSITIVE_ORDER).forEach(names::add);
        categories.setAll(names);
        if (!categories.contains(category.get())) {
            category.set(ALL);
        }
        refilter();
        if (keep != null) {
            sweets.stream().filter(s -> s.sku().equals(keep)).findFirst().ifPresent(selected::set);
        }
    }

    private void refilter() {
        String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        String chosen = category.get();
        shownSweets.setPredicate(s -> (chosen == null || ALL.equals(chosen) || s.category().equals(chosen))
                && (text.isEmpty() || s.name().toLowerCase(Locale.ROOT).contains(text) || s.sku().toLowerCase(Locale.ROOT).contains(text)));
    }

    private void history(String sku) {
        run(null, () -> {
            List<MovementView> found = app.stock().movements(sku, 200);
            return () -> {
                if (selected.get() != null && selected.get().sku().equals(sku)) {
                    movements.setAll(found);
                }
            };
        });
    }

    // ---- catalogue ------------------------------------------------------------------------

    public void addSweet(String sku, String name, String category, String price, String openingStock, String reorderLevel) {
        BigDecimal amount;
        int stock;
        int reorder;
        try {
            amount = Money.parse("price", price);
            stock = whole("opening stock", openingStock);
            reorder = whole("reorder level", reorderLevel);
        } catch (InvalidInputException e) {
            refuse(e.getMessage());
            return;
        }
        run("Adding " + sku + "…", () -> {
            SweetView added = app.catalog().add(manager, new NewSweet(sku, name, category, amount, stock, reorder), till);
            return reloadThen("Added " + added.name() + " (" + added.sku() + ").");
        });
    }

    public void changePrice(String price) {
        SweetView sweet = selectedOrSay();
        if (sweet == null) {
            return;
        }
        BigDecimal amount;
        try {
            amount = Money.parse("price", price);
        } catch (InvalidInputException e) {
            refuse(e.getMessage());
            return;
        }
        run("Changing the price…", () -> {
            SweetView changed = app.catalog().changePrice(manager, sweet.sku(), amount);
            return reloadThen("The price of " + changed.name() + " is now " + Money.format(changed.price()) + " (was "
                    + Money.format(sweet.price()) + ").");
        });
    }

    public void deactivate() {
        SweetView sweet = selectedOrSay();
        if (sweet == null) {
            return;
        }
        run("Taking " + sweet.name() + " off sale…", () -> {
            app.catalog().deactivate(manager, sweet.sku());
            return reloadThen(sweet.name() + " is no longer for sale (its history is kept).");
        });
    }

    /** Edits the chosen sweet: empty fields are left as they are. */
    public void edit(String newSku, String name, String category, String reorderLevel) {
        SweetView sweet = selectedOrSay();
        if (sweet == null) {
            return;
        }
        Integer reorder;
        try {
            reorder = reorderLevel == null || reorderLevel.isBlank() ? null : whole("reorder level", reorderLevel);
        } catch (InvalidInputException e) {
            refuse(e.getMessage());
            return;
        }
        run("Saving " + sweet.sku() + "…", () -> {
            SweetView edited = app.catalog().edit(manager, sweet.sku(), new SweetEdit(blankToNull(newSku), blankToNull(name),
                    blankToNull(category), null, reorder), till);
            return reloadThen("Saved " + edited.name() + " (" + edited.sku() + ").");
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    // ---- CSV imports ----------------------------------------------------------------------

    /** Reads a catalogue CSV and checks every row; nothing is imported until {@link #applyImport()}. */
    public void previewCatalogueImport(java.nio.file.Path file) {
        run("Checking " + file.getFileName() + "…", () -> {
            CatalogImport.Preview preview;
            try (var reader = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                preview = app.catalogImport().preview(reader);
            }
            return () -> showPreview(file, preview.errors(), preview.rows(), () -> {
                var result = app.catalogImport().apply(manager, preview, till);
                return "Imported " + result.imported() + " sweets from " + file.getFileName() + ".";
            });
        });
    }

    /** Reads a delivery CSV ({@code sku,qty}) and checks every row; nothing is restocked until {@link #applyImport()}. */
    public void previewDeliveryImport(java.nio.file.Path file) {
        run("Checking " + file.getFileName() + "…", () -> {
            DeliveryImport.Preview preview;
            try (var reader = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                preview = app.deliveryImport().preview(reader);
            }
            return () -> showPreview(file, preview.errors(), preview.rows(), () -> {
                var result = app.deliveryImport().apply(manager, preview, till, "delivery " + file.getFileName());
                return "Delivery " + file.getFileName() + " booked: " + result.units() + " units over " + result.changes().size() + " sweets.";
            });
        });
    }

    private void showPreview(java.nio.file.Path file, List<ImportError> errors, int rows, Callable<String> apply) {
        importErrors.setAll(errors.stream().map(e -> "row " + e.row() + (e.column() == null ? "" : ", " + e.column()) + ": " + e.reason())
                .toList());
        if (errors.isEmpty()) {
            pendingImport = apply;
            importReady.set(true);
            say(false, file.getFileName() + ": " + rows + " rows, all valid. Press Import to add them (all or nothing).");
        } else {
            pendingImport = null;
            importReady.set(false);
            refuse("the file " + file.getFileName() + " has " + errors.size() + " problem(s): nothing will be imported until every row is right");
        }
    }

    /** Imports the previewed file: every row in one transaction, or none. */
    public void applyImport() {
        Callable<String> apply = pendingImport;
        if (apply == null) {
            refuse("check a file first");
            return;
        }
        pendingImport = null;
        importReady.set(false);
        run("Importing…", () -> {
            String done = apply.call();
            return reloadThen(done);
        });
    }

    // ---- stock ----------------------------------------------------------------------------

    public void restock(String quantity, String note) {
        SweetView sweet = selectedOrSay();
        if (sweet == null) {
            return;
        }
        int units;
        try {
            units = whole("quantity", quantity);
        } catch (InvalidInputException e) {
            refuse(e.getMessage());
            return;
        }
        run("Restocking…", () -> {
            var change = app.stock().restock(manager, sweet.sku(), units, till, note == null || note.isBlank() ? null : note);
            return reloadThen("Restocked " + change.name() + ": +" + change.change() + ", now " + change.stockAfter() + ".");
        });
    }

    public void stocktake(String counted) {
        SweetView sweet = selectedOrSay();
        if (sweet == null) {
            return;
        }
        int units;
        try {
            units = whole("counted quantity", counted);
        } catch (InvalidInputException e) {
            refuse(e.getMessage());
            return;
        }
        run("Recording the count…", () -> {
            var change = app.stock().stocktake(manager, sweet.sku(), units, till, "stocktake");
            String difference = change.change() == 0 ? "no difference" : "adjusted by " + (change.change() > 0 ? "+" : "") + change.change();
            return reloadThen("Counted " + change.name() + ": " + change.stockAfter() + " (" + difference + ").");
        });
    }

    // ---- refunds --------------------------------------------------------------------------

    /**
     * Refunds a receipt: the whole of it when {@code items} is empty, else the items typed as
     * {@code SKU:QTY} separated by commas or spaces. Stock comes back through refund movements.
     */
    public void refund(String receiptNo, String items, String reason) {
        List<RefundLine> lines = new java.util.ArrayList<>();
        try {
            if (items != null && !items.isBlank()) {
                for (String item : items.strip().split("[,\\s]+")) {
                    BasketLine parsed = BasketLine.parse(item);
                    lines.add(new RefundLine(parsed.sku(), parsed.quantity()));
                }
            }
        } catch (InvalidInputException e) {
            refuse(e.getMessage());
            return;
        }
        run("Refunding " + receiptNo + "…", () -> {
            RefundView done = app.refunds().refund(manager, receiptNo, lines, till, reason == null || reason.isBlank() ? null : reason);
            List<RefundView> all = app.refunds().refundsOf(done.receiptNo());
            return () -> {
                refunds.setAll(all);
                say(false, "Refunded " + Money.format(done.amount()) + " on " + done.receiptNo() + (done.whole() ? " (the whole receipt)" : "")
                        + ": give it back to the customer; the stock is back on the shelf.");
                reload();
            };
        });
    }

    /** The refunds made on a receipt so far. */
    public void showRefunds(String receiptNo) {
        run(null, () -> {
            List<RefundView> all = app.refunds().refundsOf(receiptNo);
            return () -> {
                refunds.setAll(all);
                say(false, all.isEmpty() ? "No refund on " + receiptNo + " yet." : all.size() + " refund(s) on " + receiptNo + ".");
            };
        });
    }

    // ---- reports --------------------------------------------------------------------------

    /** The sales report for a date range (typed as YYYY-MM-DD; empty: today). */
    public void loadReport(String fromText, String toText) {
        LocalDate from;
        LocalDate to;
        try {
            from = date("from", fromText);
            to = date("to", toText);
        } catch (InvalidInputException e) {
            refuse(e.getMessage());
            return;
        }
        LocalDate today = LocalDate.now(app.reports().zone());
        LocalDate start = from == null ? today : from;
        LocalDate end = to == null ? start.isAfter(today) ? start : today : to;
        run("Making the report…", () -> {
            SalesReport made = app.reports().sales(manager, start, end);
            return () -> {
                report.set(made);
                say(false, "Sales " + made.from() + " to " + made.to() + ": " + made.summary().sales() + " sales, net "
                        + Money.format(made.summary().net()) + ".");
            };
        });
    }

    /** Saves one table of the report shown as CSV. */
    public void exportReport(ReportCsv.Table table, java.nio.file.Path file) {
        SalesReport shown = report.get();
        if (shown == null) {
            refuse("make a report first");
            return;
        }
        run("Saving " + file.getFileName() + "…", () -> {
            ReportCsv.write(shown, table, file);
            return () -> say(false, "Saved " + table.id() + " as " + file + ".");
        });
    }

    // ---- audit log ------------------------------------------------------------------------

    public void loadAuditLog() {
        run(null, () -> {
            List<AuditEntry> entries = app.auditLog().list(manager, AuditLogFilter.latest(500));
            return () -> auditLog.setAll(entries);
        });
    }

    // ---- promo codes ----------------------------------------------------------------------

    public void addPromo(String code, boolean percent, String amount, String maxUses, String validUntil) {
        Discount discount;
        Integer uses;
        LocalDate until;
        try {
            BigDecimal value = Money.parse(percent ? "percent" : "amount", amount);
            discount = percent ? Discount.percent(value) : Discount.amount(value);
            uses = maxUses == null || maxUses.isBlank() ? null : whole("maximum uses", maxUses);
            until = date("valid until", validUntil);
        } catch (InvalidInputException e) {
            refuse(e.getMessage());
            return;
        }
        run("Adding the promo code…", () -> {
            PromoView added = app.promos().add(manager, new NewPromo(code, discount, uses, null, until));
            return reloadThen("Promo " + added.code() + " added: " + added.discount().describe() + ".");
        });
    }

    /** New limits for a promo code: max uses (empty: unlimited), last valid day (empty: none), on or off. */
    public void editPromo(String code, String maxUses, String validUntil, boolean active) {
        Integer uses;
        LocalDate until;
        try {
            uses = maxUses == null || maxUses.isBlank() ? null : whole("maximum uses", maxUses);
            until = date("valid until", validUntil);
        } catch (InvalidInputException e) {
            refuse(e.getMessage());
            return;
        }
        run("Saving " + code + "…", () -> {
            PromoView edited = app.promos().edit(manager, code, uses, until, active);
            return reloadThen("Promo " + edited.code() + ": " + edited.uses() + (edited.maxUses() == null ? " uses, no limit" : " of "
                    + edited.maxUses() + " uses") + (edited.validUntil() == null ? "" : ", until " + edited.validUntil())
                    + (edited.active() ? "" : ", switched off") + ".");
        });
    }

    /** Voids a coupon by its token (scanned or typed): it can never be redeemed. */
    public void voidCoupon(String token) {
        run("Voiding the coupon…", () -> {
            var voided = app.coupons().voidCoupon(manager, token);
            return () -> {
                say(false, "Coupon …" + voided.hint() + " is void: it can no longer be redeemed.");
                relistCoupons();
            };
        });
    }

    public void deactivatePromo(String code) {
        run("Deactivating " + code + "…", () -> {
            app.promos().deactivate(manager, code);
            return reloadThen("Promo " + code + " can no longer be used.");
        });
    }

    // ---- staff ----------------------------------------------------------------------------

    /** Adds a member of staff with a generated password, shown once for them to write down. */
    public void addStaff(String username, Role role) {
        if (role == null) {
            refuse("choose a role");
            return;
        }
        String password = StaffService.generatePassword();
        run("Adding " + username + "…", () -> {
            StaffView added = app.staff().register(manager, username, role, password);
            return reloadThen("Added " + added.username() + " (" + added.role().label() + "). Their password: " + password
                    + " (shown once: write it down).");
        });
    }

    public void deactivateStaff(String username) {
        run("Deactivating " + username + "…", () -> {
            app.staff().deactivate(manager, username);
            return reloadThen(username + " can no longer log in.");
        });
    }

    public void resetPassword(String username) {
        String password = StaffService.generatePassword();
        run("Resetting the password…", () -> {
            app.staff().resetPassword(manager, username, password);
            return reloadThen("New password for " + username + ": " + password + " (shown once: write it down).");
        });
    }

    // ---- coupons --------------------------------------------------------------------------

    /** Issues a batch of coupons, in chunks so the progress bar moves. */
    public void issueCoupons(String count, boolean percent, String amount, String expiresOn) {
        int total;
        Discount discount;
        LocalDate expiry;
        try {
            total = whole("number of coupons", count);
            BigDecimal value = Money.parse(percent ? "percent" : "amount", amount);
            discount = percent ? Discount.percent(value) : Discount.amount(value);
            expiry = date("expiry", expiresOn);
        } catch (InvalidInputException e) {
            refuse(e.getMessage());
            return;
        }
        if (total < 1 || total > org.sweetshop.coupon.CouponService.MAX_BATCH) {
            refuse("the number of coupons must be between 1 and " + org.sweetshop.coupon.CouponService.MAX_BATCH);
            return;
        }
        if (unsavedBatch.get()) {
            refuse("save the last batch's sheet first: its coupons exist only in the database and on that sheet");
            return;
        }
        issued.clear();
        progress.set(0.0);
        run("Issuing " + total + " coupons…", () -> {
            List<IssuedCoupon> all = new java.util.ArrayList<>();
            int chunk = 50;
            try {
                for (int done = 0; done < total; done += chunk) {
                    all.addAll(app.coupons().issue(manager, Math.min(chunk, total - done), discount, expiry));
                    double fraction = (double) all.size() / total;
                    ui.execute(() -> progress.set(fraction));
                }
            } catch (RuntimeException e) {
                if (all.isEmpty()) {
                    throw e;
                }
                // the chunks issued so far exist: they must reach paper
                List<IssuedCoupon> partial = List.copyOf(all);
                String why = e.getMessage();
                return () -> {
                    issued.setAll(partial);
                    unsavedBatch.set(true);
                    refuse("only " + partial.size() + " of " + total + " coupons were issued (" + why + "): save their sheet now");
                };
            }
            return () -> {
                issued.setAll(all);
                unsavedBatch.set(true);
                say(false, "Issued " + all.size() + " coupons: " + discount.describe()
                        + (expiry == null ? ", no expiry." : ", valid until " + expiry + ".") + " Save their sheet now.");
                relistCoupons();
            };
        });
    }

    /**
     * Saves the batch just issued as a printable A4 sheet of QR labels, and its PNGs in a folder
     * beside it; the progress bar follows the labels.
     */
    public void saveCouponSheet(java.nio.file.Path pdf, String storeName) {
        List<IssuedCoupon> batch = List.copyOf(issued);
        if (batch.isEmpty()) {
            refuse("issue a batch first");
            return;
        }
        String name = pdf.getFileName().toString().replaceFirst("(?i)\\.pdf$", "");
        java.nio.file.Path pngs = pdf.resolveSibling(name + "-png");
        if (java.nio.file.Files.exists(pdf) || java.nio.file.Files.exists(pngs)) {
            // an earlier sheet may be the only printed copy of its tokens
            refuse("the file " + pdf.getFileName() + " or the folder " + pngs.getFileName() + " already exists: choose another name");
            return;
        }
        progress.set(0.0);
        run("Drawing " + batch.size() + " labels…", () -> {
            CouponSheet.write(batch, storeName, pdf, n -> ui.execute(() -> progress.set((double) n / batch.size())));
            java.nio.file.Files.createDirectories(pngs);
            CouponSheet.writePngs(batch, pngs);
            return () -> {
                unsavedBatch.set(false);
                say(false, "Saved the sheet " + pdf.getFileName() + " (" + CouponSheet.pages(batch.size()) + " pages) and "
                        + batch.size() + " PNGs in " + pngs.getFileName() + ".");
            };
        });
    }

    private void relistCoupons() {
        if (listedState != null) {
            listCoupons(listedState.orElse(null));
        }
    }

    /** Coupons by state, newest first (the first 200). */
    public void listCoupons(CouponState state) {
        listedState = java.util.Optional.ofNullable(state);
        run(null, () -> {
            CouponPage page = app.coupons().list(manager, state, 0, 200);
            return () -> {
                couponList.setAll(page.coupons());
                say(false, page.total() + " coupon(s)" + (state == null ? "" : " " + state.name().toLowerCase(Locale.ROOT))
                        + (page.hasMore() ? ", the newest 200 shown." : "."));
            };
        });
    }

    // ---- plumbing -------------------------------------------------------------------------

    private Runnable reloadThen(String done) {
        return () -> {
            say(false, done);
            reload();  // says nothing when it works: the action's message stays
        };
    }


    private SweetView selectedOrSay() {
        SweetView sweet = selected.get();
        if (sweet == null) {
            refuse("choose a sweet in the table first");
        }
        return sweet;
    }

    private static int whole(String field, String text) {
        String value = text == null ? "" : text.strip();
        if (!value.matches("[0-9]{1,9}")) {
            throw new InvalidInputException(field, field + " must be a whole number such as 12, not '"
                    + org.sweetshop.common.Texts.shorten(value) + "'");
        }
        return Integer.parseInt(value);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a date such as 2027-03-31, not '"
                    + org.sweetshop.common.Texts.shorten(text) + "'");
        }
    }

    /** A message from around the screen (files saved or not). */
    public void notice(String text) {
        say(false, text);
    }

    private void refuse(String text) {
        say(true, Messages.sentence(text));
    }

    private void say(boolean isError, String text) {
        error.set(isError);
        message.set(text);
    }

    /** Runs a service step in the background; a refusal is shown, nothing else changes. */
    private void run(String progressText, Callable<Runnable> step) {
        if (progressText != null) {
            say(false, progressText);
        }
        steps.run(step);
    }

    // ---- properties -----------------------------------------------------------------------

    public Caller manager() {
        return manager;
    }

    public ObservableList<SweetView> sweets() {
        return shownSweets;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> categoryProperty() {
        return category;
    }

    public ObjectProperty<SweetView> selectedProperty() {
        return selected;
    }

    public ObservableList<MovementView> movements() {
        return movements;
    }

    public ObservableList<SweetView> lowStock() {
        return lowStock;
    }

    public ObservableList<PromoView> promos() {
        return promos;
    }

    public ObservableList<StaffView> staff() {
        return staff;
    }

    public ReadOnlyObjectProperty<SalesReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The rows a checked CSV file got wrong (row, column, why). */
    public ObservableList<String> importErrors() {
        return importErrors;
    }

    public ReadOnlyBooleanProperty importReadyProperty() {
        return importReady.getReadOnlyProperty();
    }

    public ObservableList<AuditEntry> auditLog() {
        return auditLog;
    }

    /** True from issuing a batch until its sheet is saved: leaving would lose the tokens. */
    public ReadOnlyBooleanProperty unsavedBatchProperty() {
        return unsavedBatch.getReadOnlyProperty();
    }

    /** Whether the back office may be left; says why not. */
    public boolean mayLeave() {
        if (unsavedBatch.get()) {
            refuse("save the coupon sheet of the batch just issued first: its coupons exist only on that sheet");
            return false;
        }
        return true;
    }

    public ObservableList<CouponListing> couponList() {
        return couponList;
    }

    public ObservableList<RefundView> refunds() {
        return refunds;
    }

    public ObservableList<IssuedCoupon> issued() {
        return issued;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Double> progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
