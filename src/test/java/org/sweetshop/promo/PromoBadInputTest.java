package org.sweetshop.promo;

import org.sweetshop.common.PromoRefusedException;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.testing.BadInputCase;

/** PromoService with bad input: every refusal is clear, short, and changes nothing. */
class PromoBadInputTest extends BadInputCase {

    private static final Discount TEN_PERCENT = Discount.percent(new BigDecimal("10"));

    @BeforeEach
    void onePromoCode() {
        app.promos().add(manager, new NewPromo("FIFTY", TEN_PERCENT, 50, null, null));
    }

    static Stream<String> badCodes() {
        return Stream.of(TEN_KB, DROP_TABLE, OR_TRUE, "AB", "A".repeat(33), "WELCOME 10", "-WELCOME", "WEL.COME", "WEL\nCOME",
                "WEL\u0000COME", "\u001b[2JAB", "ＦＩＦＴＹ", "FIF\u200bTY", "FÏFTY", "10%OFF", "   ");
    }

    // ---- add

    @ParameterizedTest
    @MethodSource("badCodes")
    void addRefusesACodeThatIsNotAPromoCode(String code) {
        var e = refused(InvalidInputException.class, () -> app.promos().add(manager, new NewPromo(code, TEN_PERCENT, null, null, null)));
        assertThat(e.field()).isEqualTo("promo");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void addRefusesAMissingCode(String code) {
        var e = refused(InvalidInputException.class, () -> app.promos().add(manager, new NewPromo(code, TEN_PERCENT, null, null, null)));
        assertThat(e).hasMessageContaining("promo code is missing");
    }

    @Test
    void addRefusesAMissingDiscount() {
        var e = refused(InvalidInputException.class, () -> app.promos().add(manager, new NewPromo("TREAT", null, null, null, null)));
        assertThat(e.field()).isEqualTo("discount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"percent:101", "percent:0", "percent:-1", "percent:33.333", "amount:0", "amount:-0.50", "amount:0.505",
            "amount:100000.01"})
    void addRefusesAPercentAboveAHundredOrAZeroNegativeOrThreeDecimalAmount(String spec) {
        String[] parts = spec.split(":");
        BigDecimal value = new BigDecimal(parts[1]);
        refused(InvalidInputException.class, () -> app.promos().add(manager, new NewPromo("TREAT",
                parts[0].equals("percent") ? Discount.percent(value) : Discount.amount(value), null, null, null)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, PromoService.MAX_USES + 1, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void addRefusesMaxUsesOutOfRange(int maxUses) {
        var e = refused(InvalidInputException.class, () -> app.promos().add(manager, new NewPromo("TREAT", TEN_PERCENT, maxUses, null, null)));
        assertThat(e.field()).isEqualTo("max uses");
    }

    @Test
    void addRefusesAnEndDateInThePast() {
        var e = refused(InvalidInputException.class, () -> app.promos().add(manager,
                new NewPromo("TREAT", TEN_PERCENT, null, null, LocalDate.now().minusDays(1))));
        assertThat(e).hasMessageContaining("in the past");
    }

    @Test
    void addRefusesAStartDateAfterTheEndDate() {
        var e = refused(InvalidInputException.class, () -> app.promos().add(manager,
                new NewPromo("TREAT", TEN_PERCENT, null, LocalDate.now().plusDays(10), LocalDate.now().plusDays(5))));
        assertThat(e).hasMessageContaining("start date is after the end date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIFTY", "fifty", " Fifty "})
    void addRefusesACodeThatExistsInAnyCase(String code) {
        var e = refused(AlreadyExistsException.class, () -> app.promos().add(manager, new NewPromo(code, TEN_PERCENT, null, null, null)));
        assertThat(e).hasMessageContaining("FIFTY");
    }

    @Test
    void aCashierCannotCreatePromoCodes() {
        var e = refused(NotPermittedException.class, () -> app.promos().add(cashier, new NewPromo("TREAT", TEN_PERCENT, null, null, null)));
        assertThat(e).hasMessageContaining("cashier cannot create promo codes");
    }

    @Test
    void addRefusesANullRequest() {
        refused(InvalidInputException.class, () -> app.promos().add(manager, null));
    }

    @Test
    void aManagerWhoseAccountWasDeactivatedCannotCreatePromoCodes() {
        app.staff().deactivate(owner, "manager");

        refused(NotPermittedException.class, () -> app.promos().add(manager, new NewPromo("TREAT", TEN_PERCENT, null, null, null)));
    }

    // ---- find

    @ParameterizedTest
    @MethodSource("badCodes")
    void findRefusesACodeThatIsNotAPromoCode(String code) {
        var e = refused(InvalidInputException.class, () -> app.promos().find(code));
        assertThat(e.field()).isEqualTo("promo");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void findRefusesAMissingCode(String code) {
        refused(InvalidInputException.class, () -> app.promos().find(code));
    }

    @Test
    void findRefusesAnUnknownCode() {
        var e = refused(PromoRefusedException.class, () -> app.promos().find("NOPE"));
        assertThat(e.reason()).isEqualTo(PromoRefusedException.Reason.UNKNOWN);
        assertThat(e).hasMessageContaining("promo code unknown: NOPE");
    }

    @Test
    void findAcceptsALowerCaseOrPaddedCode() {
        assertThat(app.promos().find("  fifty\n").code()).isEqualTo("FIFTY");
    }

    // ---- deactivate

    @ParameterizedTest
    @MethodSource("badCodes")
    void deactivateRefusesACodeThatIsNotAPromoCode(String code) {
        refused(InvalidInputException.class, () -> app.promos().deactivate(manager, code));
    }

    @Test
    void deactivateRefusesAnUnknownOrMissingCode() {
        var e = refused(PromoRefusedException.class, () -> app.promos().deactivate(manager, "NOPE"));
        assertThat(e.reason()).isEqualTo(PromoRefusedException.Reason.UNKNOWN);
        refused(InvalidInputException.class, () -> app.promos().deactivate(manager, null));
    }

    @Test
    void aCashierCannotSwitchOffPromoCodes() {
        refused(NotPermittedException.class, () -> app.promos().deactivate(cashier, "FIFTY"));
        assertThat(app.promos().find("FIFTY").active()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "deactivate"})
    void aNullCallerIsRefusedAsNotPermitted(String method) {
        refused(NotPermittedException.class, () -> {
            if (method.equals("add")) {
                app.promos().add(null, new NewPromo("TREAT", TEN_PERCENT, null, null, null));
            } else {
                app.promos().deactivate(null, "FIFTY");
            }
        });
    }
}
