package org.sweetshop.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.testing.BadInputCase;

/** ShiftService with bad input: every refusal is clear, short, and changes nothing. */
class ShiftBadInputTest extends BadInputCase {

    private static final BigDecimal TEN = new BigDecimal("10.00");

    private ShiftService shifts;

    @BeforeEach
    void anOpenShiftAtT2() {
        shifts = new ShiftService(app.database().transactor(), Clock.systemUTC());
        shifts.open(cashier, "T2", TEN);
    }

    static Stream<String> badTills() {
        return Stream.of(TEN_KB, DROP_TABLE, OR_TRUE, "T 1", "-T1", "T1.", "T\n1", "T\u00001", "Ｔ1", "T\u200b1", "TÏ", "   ",
                "A".repeat(17));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-10", "10.001", "0.005", "100000.01", "1E+9", "99999999999999999999"})
    void anOpeningFloatThatIsNegativeHasThreeDecimalsOrIsHugeIsRefused(String amount) {
        var e = refused(InvalidInputException.class, () -> shifts.open(cashier, "T1", new BigDecimal(amount)));
        assertThat(e.field()).isEqualTo("opening float");
        assertThat(shifts.current("T1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "10.001", "100000.01", "1E+9"})
    void countedCashThatIsNegativeHasThreeDecimalsOrIsHugeIsRefused(String amount) {
        var e = refused(InvalidInputException.class, () -> shifts.close(cashier, "T2", new BigDecimal(amount)));
        assertThat(e.field()).isEqualTo("counted cash");
        assertThat(shifts.current("T2")).isPresent();
    }

    @Test
    void missingAmountsAreRefused() {
        refused(InvalidInputException.class, () -> shifts.open(cashier, "T1", null));
        refused(InvalidInputException.class, () -> shifts.close(cashier, "T2", null));
    }

    @ParameterizedTest
    @MethodSource("badTills")
    void aTillNameThatIsNotOneIsRefused(String till) {
        var e = refused(InvalidInputException.class, () -> shifts.open(cashier, till, TEN));
        assertThat(e.field()).isEqualTo("till");
        refused(InvalidInputException.class, () -> shifts.close(cashier, till, TEN));
        refused(InvalidInputException.class, () -> shifts.current(till));
        refused(InvalidInputException.class, () -> shifts.lastZReport(till));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingTillIsRefused(String till) {
        refused(InvalidInputException.class, () -> shifts.open(cashier, till, TEN));
        refused(InvalidInputException.class, () -> shifts.close(cashier, till, TEN));
    }

    @Test
    void nobodyLoggedInCanOpenOrCloseAShift() {
        var e = refused(NotPermittedException.class, () -> shifts.open(null, "T1", TEN));
        assertThat(e).hasMessage("not permitted: log in first");
        refused(NotPermittedException.class, () -> shifts.close(null, "T2", TEN));
    }

    @Test
    void aDeactivatedAccountCanNeitherOpenNorCloseAShift() {
        app.staff().deactivate(manager, "cashier");

        var e = refused(NotPermittedException.class, () -> shifts.open(cashier, "T1", TEN));
        assertThat(e).hasMessageContaining("no longer active");
        refused(NotPermittedException.class, () -> shifts.close(cashier, "T2", TEN));
        assertThat(shifts.current("T2")).isPresent();
    }

    @Test
    void anAccountThatDoesNotExistCanDoNothing() {
        Caller ghost = new Caller(987_654_321L, "ghost", Role.OWNER);
        refused(NotPermittedException.class, () -> shifts.open(ghost, "T1", TEN));
        refused(NotPermittedException.class, () -> shifts.close(ghost, "T2", TEN));
    }

    @Test
    void reportsOfShiftsThatDoNotExistAreEmpty() {
        assertThat(shifts.zReport(-1)).isEmpty();
        assertThat(shifts.zReport(Long.MAX_VALUE)).isEmpty();
        assertThat(shifts.lastZReport("T9")).isEmpty();
    }
}
