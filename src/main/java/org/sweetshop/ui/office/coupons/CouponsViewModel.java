package org.sweetshop.ui.office.coupons;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.coupon.CouponBatch;
import org.sweetshop.coupon.CouponListing;
import org.sweetshop.coupon.CouponService;
import org.sweetshop.coupon.CouponState;
import org.sweetshop.coupon.IssuedCoupon;
import org.sweetshop.print.CouponSheet;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.TypedInput;

/**
 * Coupons: a batch issued (one service call, the progress bar following its chunks), its
 * printable sheet saved, coupons listed by state, one voided. The tokens of a batch exist only in
 * this screen and on its sheet, so another batch and leaving the back office wait for the sheet.
 */
public final class CouponsViewModel {

    /** How many coupons the list shows, newest first. */
    static final int LISTED = 200;

    private final CouponService coupons;
    private final Caller manager;
    private final OfficeStatus status;
    private final TaskExecutor tasks;

    private final ObservableList<IssuedCoupon> issued = FXCollections.observableArrayList();
    private final ObservableList<CouponListing> couponList = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper unsavedBatch = new ReadOnlyBooleanWrapper(false);
    /** The state listed last (empty: all), or null before the first list. */
    private Optional<CouponState> listedState;

    public CouponsViewModel(CouponService coupons, Caller manager, OfficeStatus status, TaskExecutor tasks) {
        this.coupons = coupons;
        this.manager = manager;
        this.status = status;
        this.tasks = tasks;
    }

    /** Issues a batch of coupons; the progress bar moves with each chunk the service issues. */
    public void issueCoupons(String count, boolean percent, String amount, String expiresOn) {
        int total;
        Discount discount;
        LocalDate expiry;
        try {
            total = TypedInput.whole("number of coupons", count);
            discount = TypedInput.discount(percent, amount);
            expiry = TypedInput.date("expiry", expiresOn);
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return;
        }
        if (total < 1 || total > CouponService.MAX_BATCH) {
            status.refuse("the number of coupons must be between 1 and " + CouponService.MAX_BATCH);
            return;
        }
        if (unsavedBatch.get()) {
            status.refuse("save the last batch's sheet first: its coupons exist only in the database and on that sheet");
            return;
        }
        issued.clear();
        status.progress(0.0);
        status.say("Issuing " + total + " coupons…");
        status.task(() -> coupons.issueBatch(manager, total, discount, expiry,
                        done -> tasks.onUi(() -> status.progress((double) done / total))))
                .onSuccess(batch -> issued(batch, discount, expiry))
                .executeWith(tasks);
    }

    private void issued(CouponBatch batch, Discount discount, LocalDate expiry) {
        issued.setAll(batch.issued());
        unsavedBatch.set(true);
        if (!batch.complete()) {
            // the chunks issued before the failure exist: they must reach paper
            status.refuse("only " + batch.issued().size() + " of " + batch.requested() + " coupons were issued ("
                    + Messages.reason(batch.stoppedBy()) + "): save their sheet now");
            return;
        }
        status.say("Issued " + batch.issued().size() + " coupons: " + discount.describe()
                + (expiry == null ? ", no expiry." : ", valid until " + expiry + ".") + " Save their sheet now.");
        relistCoupons();
    }

    /**
     * Saves the batch just issued as a printable A4 sheet of QR labels, and its PNGs in a folder
     * beside it; the progress bar follows the labels.
     */
    public void saveCouponSheet(Path pdf, String storeName) {
        List<IssuedCoupon> batch = List.copyOf(issued);
        if (batch.isEmpty()) {
            status.refuse("issue a batch first");
            return;
        }
        String name = pdf.getFileName().toString().replaceFirst("(?i)\\.pdf$", "");
        Path pngs = pdf.resolveSibling(name + "-png");
        if (Files.exists(pdf) || Files.exists(pngs)) {
            // an earlier sheet may be the only printed copy of its tokens
            status.refuse("the file " + pdf.getFileName() + " or the folder " + pngs.getFileName()
                    + " already exists: choose another name");
            return;
        }
        status.progress(0.0);
        status.say("Drawing " + batch.size() + " labels…");
        status.task(() -> {
                    CouponSheet.write(batch, storeName, pdf, n -> tasks.onUi(() -> status.progress((double) n / batch.size())));
                    Files.createDirectories(pngs);
                    CouponSheet.writePngs(batch, pngs);
                })
                .onSuccess(done -> {
                    unsavedBatch.set(false);
                    status.say("Saved the sheet " + pdf.getFileName() + " (" + CouponSheet.pages(batch.size()) + " pages) and "
                            + batch.size() + " PNGs in " + pngs.getFileName() + ".");
                })
                .executeWith(tasks);
    }

    /** Coupons by state (all of them when null), newest first (the first {@value #LISTED}). */
    public void listCoupons(CouponState state) {
        listedState = Optional.ofNullable(state);
        status.task(() -> coupons.list(manager, state, 0, LISTED))
                .onSuccess(page -> {
                    couponList.setAll(page.coupons());
                    status.say(page.total() + " coupon(s)" + (state == null ? "" : " " + state.name().toLowerCase(Locale.ROOT))
                            + (page.hasMore() ? ", the newest " + LISTED + " shown." : "."));
                })
                .executeWith(tasks);
    }

    private void relistCoupons() {
        if (listedState != null) {
            listCoupons(listedState.orElse(null));
        }
    }

    /** Voids a coupon by its token (scanned or typed): it can never be redeemed. */
    public void voidCoupon(String token) {
        status.say("Voiding the coupon…");
        status.task(() -> coupons.voidCoupon(manager, token))
                .onSuccess(voided -> {
                    status.say("Coupon …" + voided.hint() + " is void: it can no longer be redeemed.");
                    relistCoupons();
                })
                .executeWith(tasks);
    }

    /** Whether the back office may be left; says why not. */
    public boolean mayLeave() {
        if (unsavedBatch.get()) {
            status.refuse("save the coupon sheet of the batch just issued first: its coupons exist only on that sheet");
            return false;
        }
        return true;
    }

    /** The batch just issued, to print. */
    public ObservableList<IssuedCoupon> issued() {
        return issued;
    }

    public ObservableList<CouponListing> couponList() {
        return couponList;
    }

    /** True from issuing a batch until its sheet is saved: leaving would lose the tokens. */
    public ReadOnlyBooleanProperty unsavedBatchProperty() {
        return unsavedBatch.getReadOnlyProperty();
    }
}
