package org.sweetshop.ui.office.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.refund.RefundLine;

/** The refund field: counts and weights as typed, read by the refund against each sale line's kind. */
class TypedInputRefundItemsTest {

    @Test
    void countsAndWeightsAreKeptAsTypedForTheRefundToRead() {
        assertThat(TypedInput.refundItems("PM:100g, FU:2 CB:0.1kg  SL"))
                .containsExactly(RefundLine.typed("PM", "100g"), RefundLine.typed("FU", "2"), RefundLine.typed("CB", "0.1kg"),
                        RefundLine.typed("SL", "1"));
    }

    @Test
    void whatIsNeitherACountNorAWeightIsRefusedBeforeAnythingIsSent() {
        for (String typed : new String[] {"PM:abc", "PM:0", "PM:-3", "PM:1e3g", "PM:", ":"}) {
            assertThatThrownBy(() -> TypedInput.refundItems(typed)).as(typed).isInstanceOf(InvalidInputException.class);
        }
    }
}
