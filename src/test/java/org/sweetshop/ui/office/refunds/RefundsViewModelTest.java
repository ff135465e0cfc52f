package org.sweetshop.ui.office.refunds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.ui.office.OfficeTest;

/** The refunds tab's model. */
class RefundsViewModelTest extends OfficeTest {

    private RefundsViewModel refunds;

    @BeforeEach
    void tabs() {
        refunds = office.refunds();
    }

    @Test
    void refundsSomeItemsThenTheRestIsRefusedBeyondWhatWasSold() {
        var receipt = app.sales().checkout(cashier, basket("T1", java.util.List.of(line("SL", 3), line("FB", 1))));
        refunds.refund(receipt.receiptNo(), "SL:2", "too sweet");
        assertThat(status.messageProperty().get()).startsWith("Refunded 2.40 on " + receipt.receiptNo() + ":");
        assertThat(stockOf("SL")).isEqualTo(4);
        String before = Snapshot.of(app.database().dataSource());
        refunds.refund(receipt.receiptNo(), "SL:2", "");
        assertThat(status.errorProperty().get()).isTrue();
        refunds.refund(receipt.receiptNo(), "SL:two", "");
        assertThat(status.messageProperty().get()).isEqualTo("The quantity in 'SL:two' must be a whole number, or a weight such as 100g or 0.1kg.");
        refunds.refund(receipt.receiptNo(), "", "");   // whole: something was refunded already
        assertThat(status.errorProperty().get()).isTrue();
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
        assertThat(refunds.refunds()).hasSize(1);
    }

    @Test
    void anEmptyItemInTheListIsRefusedAsTypedAndNothingIsRefunded() {
        var receipt = app.sales().checkout(cashier, basket("T1", java.util.List.of(line("SL", 3))));
        String before = Snapshot.of(app.database().dataSource());
        refunds.refund(receipt.receiptNo(), ",SL:1", "");
        assertThat(status.messageProperty().get()).isEqualTo("An item must be SKU:QTY, e.g. SL-1:2 or PM:100g.");
        assertThat(status.errorProperty().get()).isTrue();
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
        refunds.refund(receipt.receiptNo(), "SL:1, FB", "");
        assertThat(status.errorProperty().get()).as("FB was not sold on this receipt").isTrue();
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }
}
