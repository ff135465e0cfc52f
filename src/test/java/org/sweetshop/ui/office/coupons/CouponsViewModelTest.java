package org.sweetshop.ui.office.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.testing.Sql;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.OfficeModels;
import org.sweetshop.ui.office.OfficeTest;
import org.sweetshop.ui.office.Offices;

/** The coupons tab's model: a batch, its sheet, voiding. */
class CouponsViewModelTest extends OfficeTest {

    private CouponsViewModel coupons;

    @BeforeEach
    void tabs() {
        coupons = office.coupons();
    }

    @Test
    void issuesACouponBatchWithProgress() {
        coupons.issueCoupons("120", true, "10", "2099-12-31");
        assertThat(coupons.issued()).hasSize(120);
        assertThat(status.progressProperty().get()).isEqualTo(1.0);
        assertThat(status.messageProperty().get()).isEqualTo("Issued 120 coupons: 10% off, valid until 2099-12-31. Save their sheet now.");
        coupons.issueCoupons("0", true, "10", "");
        assertThat(status.messageProperty().get()).isEqualTo("The number of coupons must be between 1 and 10000.");
    }

    @Test
    void aBatchMustReachPaperBeforeAnotherIsIssuedOrTheBackOfficeIsLeft(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        coupons.issueCoupons("3", false, "1.00", "");
        assertThat(coupons.mayLeave()).isFalse();
        assertThat(status.messageProperty().get())
                .isEqualTo("Save the coupon sheet of the batch just issued first: its coupons exist only on that sheet.");
        coupons.issueCoupons("3", false, "1.00", "");
        assertThat(status.messageProperty().get())
                .isEqualTo("Save the last batch's sheet first: its coupons exist only in the database and on that sheet.");
        assertThat(org.sweetshop.testing.Sql.queryLong(app.database().dataSource(), "select count(*) from coupon")).isEqualTo(3);

        coupons.saveCouponSheet(dir.resolve("first.pdf"), "Test");
        assertThat(coupons.mayLeave()).isTrue();
        coupons.saveCouponSheet(dir.resolve("first.pdf"), "Test");
        assertThat(status.messageProperty().get()).isEqualTo("The file first.pdf or the folder first-png already exists: choose another name.");
    }

    @Test
    void aCouponIsVoided() {
        String token = app.coupons().issue(manager, 1, org.sweetshop.common.Discount.percent(new java.math.BigDecimal("10")), null)
                .get(0).token();
        coupons.voidCoupon(token);
        assertThat(status.messageProperty().get()).endsWith(" is void: it can no longer be redeemed.");
        assertThat(app.coupons().preview(token).state()).isEqualTo("void");
    }

    @Test
    void aBatchStoppedHalfWaySaysSoAndItsCouponsMustStillReachPaper(@TempDir Path dir) {
        // the owner deactivates the manager while the batch is issued: after the first chunk, the rest is refused
        AtomicBoolean deactivated = new AtomicBoolean();
        TaskExecutor tasks = new TaskExecutor(Runnable::run, update -> {
            if (deactivated.compareAndSet(false, true)) {
                app.staff().deactivate(owner, "manager");
            }
            update.run();
        });
        OfficeModels stopped = Offices.models(app, manager, tasks);
        CouponsViewModel coupons = stopped.coupons();

        coupons.issueCoupons("120", true, "10", "");

        assertThat(stopped.status().messageProperty().get()).isEqualTo("Only 50 of 120 coupons were issued (not permitted: the account"
                + " 'manager' is no longer active): save their sheet now.");
        assertThat(stopped.status().errorProperty().get()).isTrue();
        assertThat(coupons.issued()).hasSize(50);
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from coupon")).isEqualTo(50);
        assertThat(coupons.unsavedBatchProperty().get()).isTrue();
        assertThat(stopped.mayLeave()).isFalse();

        coupons.saveCouponSheet(dir.resolve("half.pdf"), "Test");
        assertThat(stopped.status().messageProperty().get()).startsWith("Saved the sheet half.pdf (");
        assertThat(stopped.mayLeave()).isTrue();
    }
}
