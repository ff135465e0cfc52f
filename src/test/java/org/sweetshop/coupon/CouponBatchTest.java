package org.sweetshop.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Sql;

/**
 * {@link CouponService#issueBatch}: one call for a whole batch, in chunks, with progress; a batch
 * stopped half way keeps what it issued.
 */
class CouponBatchTest extends DatabaseTest {

    private static final Discount TEN_PERCENT = Discount.percent(new BigDecimal("10"));

    private long coupons() {
        return Sql.queryLong(app.database().dataSource(), "select count(*) from coupon");
    }

    @Test
    void aBatchIsIssuedInChunksAndTheProgressCountsEveryCoupon() {
        List<Integer> progress = new ArrayList<>();

        CouponBatch batch = app.coupons().issueBatch(manager, 120, TEN_PERCENT, LocalDate.now().plusDays(30), progress::add);

        assertThat(batch.complete()).isTrue();
        assertThat(batch.requested()).isEqualTo(120);
        assertThat(batch.issued()).hasSize(120).extracting(IssuedCoupon::token).doesNotHaveDuplicates();
        assertThat(progress).containsExactly(50, 100, 120);
        assertThat(coupons()).isEqualTo(120);
    }

    @Test
    void whenALaterChunkIsRefusedTheCouponsAlreadyIssuedComeBackWithTheReason() {
        // the manager is deactivated by the owner while the batch runs: the next chunk is refused
        CouponBatch batch = app.coupons().issueBatch(manager, 120, TEN_PERCENT, null, issued -> {
            if (issued == 50) {
                app.staff().deactivate(owner, "manager");
            }
        });

        assertThat(batch.complete()).isFalse();
        assertThat(batch.issued()).hasSize(50);
        assertThat(batch.stoppedBy()).isInstanceOf(NotPermittedException.class).hasMessageContaining("no longer active");
        assertThat(coupons()).isEqualTo(50);
        assertThat(batch.issued()).allSatisfy(c -> assertThat(app.coupons().preview(c.token()).state()).isEqualTo("valid"));
    }

    @Test
    void aProgressCallbackThatThrowsStopsTheBatchAndKeepsWhatWasIssued() {
        IllegalStateException broken = new IllegalStateException("the screen went away");

        CouponBatch batch = app.coupons().issueBatch(manager, 230, TEN_PERCENT, null, issued -> {
            if (issued == 100) {
                throw broken;
            }
        });

        assertThat(batch.complete()).isFalse();
        assertThat(batch.issued()).hasSize(100);
        assertThat(batch.stoppedBy()).isSameAs(broken);
        assertThat(coupons()).isEqualTo(100);
    }

    @Test
    void aProgressCallbackThatThrowsAfterTheLastChunkLeavesTheBatchWhole() {
        CouponBatch batch = app.coupons().issueBatch(manager, 60, TEN_PERCENT, null, issued -> {
            if (issued == 60) {
                throw new IllegalStateException("the screen went away");
            }
        });

        assertThat(batch.complete()).isTrue();
        assertThat(batch.issued()).hasSize(60);
        assertThat(coupons()).isEqualTo(60);
    }

    @Test
    void aRefusalBeforeAnythingIsIssuedIsThrownAndIssuesNothing() {
        List<Integer> progress = new ArrayList<>();

        assertThatThrownBy(() -> app.coupons().issueBatch(cashier, 10, TEN_PERCENT, null, progress::add))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> app.coupons().issueBatch(manager, 0, TEN_PERCENT, null, progress::add))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> app.coupons().issueBatch(manager, 10, TEN_PERCENT, LocalDate.now().minusDays(1), progress::add))
                .isInstanceOf(InvalidInputException.class);

        assertThat(progress).isEmpty();
        assertThat(coupons()).isZero();
    }
}
