package org.sweetshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.staff.Caller;
import org.sweetshop.testing.BadInputCase;

/** CatalogService with bad input: every refusal is clear, short, and changes nothing. */
class CatalogBadInputTest extends BadInputCase {

    @BeforeEach
    void aSweetInTheCatalogue() {
        sweet("SL", "1.20", 10);
    }

    static Stream<String> badSkus() {
        return Stream.of(TEN_KB, DROP_TABLE, OR_TRUE, "SL 1", "-SL", "S\nL", "S\u0000L", "S\u001b[2JL", "SŁ", "ＳＬ",
                "SL\u200b2", "A".repeat(65), "SL%", "SL*", "   ");
    }

    static Stream<String> badPrices() {
        return Stream.of("1.205", "0.001", "-0.01", "-1", "100000.01", "1E-3", "99999999999999999999", "-1E3");
    }

    static NewSweet sweetWith(String sku, String name, String category, String price, int stock, int reorder) {
        return new NewSweet(sku, name, category, price == null ? null : new BigDecimal(price), stock, reorder);
    }

    // ---- add

    @ParameterizedTest
    @MethodSource("badSkus")
    void addRefusesABadSkuAndChangesNothing(String sku) {
        var e = refused(InvalidInputException.class,
                () -> app.catalog().add(manager, sweetWith(sku, "Lemons", null, "1.20", 5, 0), "T1"));
        assertThat(e.field()).isEqualTo("sku");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void addRefusesAMissingSku(String sku) {
        var e = refused(InvalidInputException.class,
                () -> app.catalog().add(manager, sweetWith(sku, "Lemons", null, "1.20", 5, 0), "T1"));
        assertThat(e).hasMessageContaining("sku is missing");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "Lemons\nDrop table", "Lem\rons", "Lem\tons", "Lem\u0000ons", "Lemons\u001b[31m", "\u0007"})
    void addRefusesAMissingNameOrOneWithControlCharacters(String name) {
        var e = refused(InvalidInputException.class,
                () -> app.catalog().add(manager, sweetWith("LM", name, null, "1.20", 5, 0), "T1"));
        assertThat(e.field()).isEqualTo("name");
    }

    @Test
    void addRefusesA10kBNameWithAShortMessage() {
        var e = refused(InvalidInputException.class,
                () -> app.catalog().add(manager, sweetWith("LM", TEN_KB, null, "1.20", 5, 0), "T1"));
        assertThat(e).hasMessageContaining("name is longer than 120");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Boiled\nSweets", "Boil\u0000ed", "\u001b[2J"})
    void addRefusesACategoryWithControlCharacters(String category) {
        var e = refused(InvalidInputException.class,
                () -> app.catalog().add(manager, sweetWith("LM", "Lemons", category, "1.20", 5, 0), "T1"));
        assertThat(e.field()).isEqualTo("category");
    }

    @Test
    void addRefusesA10kBCategoryWithAShortMessage() {
        var e = refused(InvalidInputException.class,
                () -> app.catalog().add(manager, sweetWith("LM", "Lemons", TEN_KB, "1.20", 5, 0), "T1"));
        assertThat(e).hasMessageContaining("category is longer than 60");
    }

    @ParameterizedTest
    @MethodSource("badPrices")
    void addRefusesAPriceThatIsNegativeHasThreeDecimalsOrIsHuge(String price) {
        var e = refused(InvalidInputException.class,
                () -> app.catalog().add(manager, sweetWith("LM", "Lemons", null, price, 5, 0), "T1"));
        assertThat(e.field()).isEqualTo("price");
    }

    @Test
    void addRefusesAMissingPrice() {
        var e = refused(InvalidInputException.class,
                () -> app.catalog().add(manager, sweetWith("LM", "Lemons", null, null, 5, 0), "T1"));
        assertThat(e).hasMessageContaining("price is missing");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1_000_001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void addRefusesANegativeOrHugeOpeningStock(int stock) {
        var e = refused(InvalidInputException.class,
                () -> app.catalog().add(manager, sweetWith("LM", "Lemons", null, "1.20", stock, 0), "T1"));
        assertThat(e.field()).isEqualTo("stock");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1_000_001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void addRefusesANegativeOrHugeReorderLevel(int reorder) {
        var e = refused(InvalidInputException.class,
                () -> app.catalog().add(manager, sweetWith("LM", "Lemons", null, "1.20", 5, reorder), "T1"));
        assertThat(e.field()).isEqualTo("reorder level");
    }

    @ParameterizedTest
    @ValueSource(strings = {"T1\nT2", "T\u0000"})
    void addRefusesATillWithControlCharacters(String till) {
        var e = refused(InvalidInputException.class,
                () -> app.catalog().add(manager, sweetWith("LM", "Lemons", null, "1.20", 5, 0), till));
        assertThat(e.field()).isEqualTo("till");
    }

    @Test
    void addRefusesA10kBTillWithAShortMessage() {
        var e = refused(InvalidInputException.class,
                () -> app.catalog().add(manager, sweetWith("LM", "Lemons", null, "1.20", 5, 0), TEN_KB));
        assertThat(e.field()).isEqualTo("till");
    }

    @Test
    void addRefusesASkuThatExists() {
        var e = refused(AlreadyExistsException.class,
                () -> app.catalog().add(manager, sweetWith("SL", "Other lemons", null, "2.00", 5, 0), "T1"));
        assertThat(e).hasMessageContaining("SL");
    }

    @Test
    void aCashierCannotAddSweets() {
        var e = refused(NotPermittedException.class,
                () -> app.catalog().add(cashier, sweetWith("LM", "Lemons", null, "1.20", 5, 0), "T1"));
        assertThat(e).hasMessageContaining("cashier cannot add sweets");
    }

    @Test
    void addRefusesANullRequest() {
        refused(InvalidInputException.class, () -> app.catalog().add(manager, null, "T1"));
    }

    @Test
    void addStoresAnInjectionStringAsAPlainNameAndCategory() {
        SweetView added = app.catalog().add(manager, sweetWith("INJ", DROP_TABLE, OR_TRUE, "1.20", 5, 0), "T1");

        assertThat(app.catalog().find("INJ").name()).isEqualTo(DROP_TABLE);
        assertThat(added.category()).isEqualTo(OR_TRUE);
        assertThat(app.catalog().list()).hasSize(2);
        assertThat(stockOf("SL")).isEqualTo(10);
    }

    @Test
    void addKeepsAUnicodeNameExactly() {
        String name = "Crème brûlée 🍬 ёжик 日本";
        app.catalog().add(manager, sweetWith("CB", name, "Fudge", "1.20", 5, 0), "T1");

        assertThat(app.catalog().find("CB").name()).isEqualTo(name);
    }

    // ---- changePrice

    @ParameterizedTest
    @MethodSource("badPrices")
    void changePriceRefusesANegativeThreeDecimalOrHugePrice(String price) {
        var e = refused(InvalidInputException.class, () -> app.catalog().changePrice(manager, "SL", new BigDecimal(price)));
        assertThat(e.field()).isEqualTo("price");
    }

    @Test
    void changePriceRefusesANullPrice() {
        refused(InvalidInputException.class, () -> app.catalog().changePrice(manager, "SL", null));
    }

    @ParameterizedTest
    @MethodSource("badSkus")
    void changePriceRefusesABadSku(String sku) {
        var e = refused(InvalidInputException.class, () -> app.catalog().changePrice(manager, sku, new BigDecimal("2.00")));
        assertThat(e.field()).isEqualTo("sku");
    }

    @Test
    void changePriceRefusesAnUnknownSku() {
        var e = refused(NotFoundException.class, () -> app.catalog().changePrice(manager, "NOPE", new BigDecimal("2.00")));
        assertThat(e).hasMessageContaining("NOPE");
    }

    @Test
    void aCashierCannotChangePrices() {
        refused(NotPermittedException.class, () -> app.catalog().changePrice(cashier, "SL", new BigDecimal("0.01")));
    }

    // ---- deactivate

    @ParameterizedTest
    @MethodSource("badSkus")
    void deactivateRefusesABadSku(String sku) {
        refused(InvalidInputException.class, () -> app.catalog().deactivate(manager, sku));
    }

    @Test
    void deactivateRefusesAnUnknownOrMissingSku() {
        refused(NotFoundException.class, () -> app.catalog().deactivate(manager, "NOPE"));
        refused(InvalidInputException.class, () -> app.catalog().deactivate(manager, null));
    }

    @Test
    void aCashierCannotDeactivateSweets() {
        refused(NotPermittedException.class, () -> app.catalog().deactivate(cashier, "SL"));
    }

    // ---- find, search

    @ParameterizedTest
    @MethodSource("badSkus")
    void findRefusesABadSku(String sku) {
        var e = refused(InvalidInputException.class, () -> app.catalog().find(sku));
        assertThat(e.field()).isEqualTo("sku");
    }

    @Test
    void findRefusesAnUnknownOrMissingSku() {
        var e = refused(NotFoundException.class, () -> app.catalog().find("NOPE"));
        assertThat(e).hasMessageContaining("unknown sweet");
        refused(InvalidInputException.class, () -> app.catalog().find(null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "lem\nons", "lem\u0000", "\u001b[2J"})
    void searchRefusesAMissingTextOrControlCharacters(String text) {
        var e = refused(InvalidInputException.class, () -> app.catalog().search(text));
        assertThat(e.field()).isEqualTo("search");
    }

    @Test
    void searchRefusesA10kBTextWithAShortMessage() {
        var e = refused(InvalidInputException.class, () -> app.catalog().search(TEN_KB));
        assertThat(e).hasMessageContaining("longer than 64");
    }

    @ParameterizedTest
    @ValueSource(strings = {DROP_TABLE, OR_TRUE, "%", "_", "\\", "%' or 1=1 --"})
    void searchTreatsInjectionAndWildcardsAsPlainTextAndChangesNothing(String text) {
        String before = snapshot();

        assertThat(app.catalog().search(text)).isEmpty();

        assertThat(snapshot()).isEqualTo(before);
        assertThat(app.catalog().search("sweet")).extracting(SweetView::sku).containsExactly("SL");
    }

    // ---- who is asking

    @Test
    void aManagerWhoseAccountWasDeactivatedCannotAddSweets() {
        app.staff().deactivate(owner, "manager");

        refused(NotPermittedException.class, () -> app.catalog().add(manager, sweetWith("LM", "Lemons", null, "1.20", 5, 0), "T1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "changePrice", "deactivate"})
    void aNullCallerIsRefusedAsNotPermitted(String method) {
        Caller nobody = null;
        refused(NotPermittedException.class, () -> {
            switch (method) {
                case "add" -> app.catalog().add(nobody, sweetWith("LM", "Lemons", null, "1.20", 5, 0), "T1");
                case "changePrice" -> app.catalog().changePrice(nobody, "SL", new BigDecimal("0.01"));
                default -> app.catalog().deactivate(nobody, "SL");
            }
        });
    }
}
