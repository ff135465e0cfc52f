package org.sweetshop.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.catalog.Sweet;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.testing.BadInputCase;

/** StockService with bad input: every refusal is clear, short, and changes nothing. */
class StockBadInputTest extends BadInputCase {

    @BeforeEach
    void aSweetInStock() {
        sweet("SL", "1.20", 10);
    }

    static Stream<String> badSkus() {
        return Stream.of(TEN_KB, DROP_TABLE, OR_TRUE, "SL 1", "S\nL", "S\u0000L", "SŁ", "ＳＬ", "SL\u200b", "A".repeat(65), "   ");
    }

    // ---- restock

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 100_001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void restockRefusesAZeroNegativeOrHugeQuantity(int quantity) {
        var e = refused(InvalidInputException.class, () -> app.stock().restock(manager, "SL", quantity, "T1", null));
        assertThat(e.field()).isEqualTo("quantity");
        assertThat(stockOf("SL")).isEqualTo(10);
    }

    @Test
    void restockRefusesToTakeStockPastTheMaximum() {
        app.stock().stocktake(manager, "SL", Sweet.MAX_STOCK, "T1", null);

        var e = refused(InvalidInputException.class, () -> app.stock().restock(manager, "SL", 1, "T1", null));
        assertThat(e).hasMessageContaining("would exceed");
    }

    @ParameterizedTest
    @MethodSource("badSkus")
    void restockRefusesABadSku(String sku) {
        var e = refused(InvalidInputException.class, () -> app.stock().restock(manager, sku, 5, "T1", null));
        assertThat(e.field()).isEqualTo("sku");
    }

    @Test
    void restockRefusesAnUnknownOrMissingSku() {
        var e = refused(NotFoundException.class, () -> app.stock().restock(manager, "NOPE", 5, "T1", null));
        assertThat(e).hasMessageContaining("unknown sweet");
        refused(InvalidInputException.class, () -> app.stock().restock(manager, null, 5, "T1", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"delivery\nnote", "note\u0000", "\u001b[2J", "a\rb"})
    void restockRefusesAReasonWithControlCharacters(String reason) {
        var e = refused(InvalidInputException.class, () -> app.stock().restock(manager, "SL", 5, "T1", reason));
        assertThat(e.field()).isEqualTo("reason");
    }

    @Test
    void restockRefusesA10kBReasonWithAShortMessage() {
        var e = refused(InvalidInputException.class, () -> app.stock().restock(manager, "SL", 5, "T1", TEN_KB));
        assertThat(e).hasMessageContaining("reason is longer than 200");
    }

    @Test
    void restockRefusesA10kBTillWithAShortMessage() {
        var e = refused(InvalidInputException.class, () -> app.stock().restock(manager, "SL", 5, TEN_KB, null));
        assertThat(e.field()).isEqualTo("till");
    }

    @ParameterizedTest
    @ValueSource(strings = {"T1\nT2", "T\u0000", DROP_TABLE})
    void restockRefusesATillThatIsNotATillName(String till) {
        var e = refused(InvalidInputException.class, () -> app.stock().restock(manager, "SL", 5, till, null));
        assertThat(e.field()).isEqualTo("till");
    }

    @Test
    void restockStoresAnInjectionStringAsAPlainReason() {
        app.stock().restock(manager, "SL", 5, "T1", DROP_TABLE);

        assertThat(app.stock().movements("SL", 1)).extracting(MovementView::reason).containsExactly(DROP_TABLE);
        assertThat(stockOf("SL")).isEqualTo(15);
    }

    @Test
    void aCashierCannotRestock() {
        var e = refused(NotPermittedException.class, () -> app.stock().restock(cashier, "SL", 5, "T1", null));
        assertThat(e).hasMessageContaining("cashier cannot restock");
    }

    // ---- stocktake

    @ParameterizedTest
    @ValueSource(ints = {-1, Sweet.MAX_STOCK + 1, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void stocktakeRefusesANegativeOrHugeCount(int counted) {
        var e = refused(InvalidInputException.class, () -> app.stock().stocktake(manager, "SL", counted, "T1", null));
        assertThat(e.field()).isEqualTo("counted quantity");
    }

    @ParameterizedTest
    @MethodSource("badSkus")
    void stocktakeRefusesABadSku(String sku) {
        refused(InvalidInputException.class, () -> app.stock().stocktake(manager, sku, 5, "T1", null));
    }

    @Test
    void stocktakeRefusesAnUnknownSku() {
        refused(NotFoundException.class, () -> app.stock().stocktake(manager, "NOPE", 5, "T1", null));
    }

    @Test
    void stocktakeRefusesA10kBOrMultiLineReason() {
        refused(InvalidInputException.class, () -> app.stock().stocktake(manager, "SL", 5, "T1", TEN_KB));
        refused(InvalidInputException.class, () -> app.stock().stocktake(manager, "SL", 5, "T1", "counted\ntwice"));
    }

    @Test
    void stocktakeRefusesA10kBTill() {
        var e = refused(InvalidInputException.class, () -> app.stock().stocktake(manager, "SL", 5, TEN_KB, null));
        assertThat(e.field()).isEqualTo("till");
    }

    @Test
    void aCashierCannotTakeStock() {
        refused(NotPermittedException.class, () -> app.stock().stocktake(cashier, "SL", 0, "T1", null));
    }

    // ---- movements

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void movementsRefusesALimitOutOfRange(int limit) {
        var e = refused(InvalidInputException.class, () -> app.stock().movements("SL", limit));
        assertThat(e.field()).isEqualTo("limit");
    }

    @ParameterizedTest
    @MethodSource("badSkus")
    void movementsRefusesABadSku(String sku) {
        refused(InvalidInputException.class, () -> app.stock().movements(sku, 10));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void movementsRefusesAMissingSku(String sku) {
        refused(InvalidInputException.class, () -> app.stock().movements(sku, 10));
    }

    @Test
    void movementsRefusesAnUnknownSku() {
        refused(NotFoundException.class, () -> app.stock().movements("NOPE", 10));
    }

    // ---- who is asking

    @Test
    void aManagerWhoseAccountWasDeactivatedCannotRestock() {
        app.staff().deactivate(owner, "manager");

        refused(NotPermittedException.class, () -> app.stock().restock(manager, "SL", 5, "T1", null));
    }

    @Test
    void aCallerForAnAccountThatDoesNotExistCannotRestock() {
        Caller ghost = new Caller(987_654_321L, "ghost", Role.OWNER);

        refused(NotPermittedException.class, () -> app.stock().restock(ghost, "SL", 5, "T1", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"restock", "stocktake"})
    void aNullCallerIsRefusedAsNotPermitted(String method) {
        refused(NotPermittedException.class, () -> {
            if (method.equals("restock")) {
                app.stock().restock(null, "SL", 5, "T1", null);
            } else {
                app.stock().stocktake(null, "SL", 5, "T1", null);
            }
        });
    }
}
