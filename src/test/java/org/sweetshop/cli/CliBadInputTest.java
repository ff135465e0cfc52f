package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.common.Discount;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.testing.BadInputCase;
import org.sweetshop.testing.CliRunner;

/**
 * Every command with bad input, through the real picocli command line: the exit code (2 invalid
 * input or usage, 3 refused), one short line on stderr naming the problem, a JSON error object on
 * stdout for --json, and not one row changed.
 */
class CliBadInputTest extends BadInputCase {

    private static final String NEVER_ISSUED = "SWC-0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @BeforeEach
    void aSweetInStock() {
        sweet("SL", "1.20", 10);
    }

    private static String[] args(String first, String... rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(Arrays.asList(rest));
        return all.toArray(String[]::new);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Run as {@code user} with a wrong password: refused, and only that account's failed-log-in counter moved. */
    private CliRunner.Result refusedForAWrongPassword(String user, String... args) {
        String before = snapshotIgnoringLoginCounters();
        CliRunner.Result result = new CliRunner().env("SWEETSHOP_PASSWORD", "wrong-password").run(args);
        assertCliRefusal(result, 3, "wrong username or password", Arrays.asList(args).contains("--json"));
        assertThat(snapshotIgnoringLoginCounters()).as("the database apart from log-in counters").isEqualTo(before);
        assertThat(failedLogins(user)).isEqualTo(1);
        return result;
    }

    private String issueOneCoupon() {
        return app.coupons().issue(manager, 1, Discount.percent(new BigDecimal("10")), null).get(0).token();
    }

    // ------------------------------------------------------------------ staff add

    @Nested
    class StaffAdd {

        private String[] addCashierAs(String as, String username) {
            return args("staff", "add", "--username", username, "--role", "cashier", "--as", as);
        }

        private CliRunner withNewPassword() {
            return new CliRunner().stdin("a-new-password\n");
        }

        static Stream<String> badUsernames() {
            return Stream.of(TEN_KB, DROP_TABLE, OR_TRUE, "a", "bob smith", "bøb", "bob\nadmin", "bob\u0000", "-bob");
        }

        @ParameterizedTest
        @MethodSource("badUsernames")
        void staffAddRefusesABadUsernameAndChangesNothing(String username) {
            cliRefused(withNewPassword(), 2, "username", addCashierAs("owner", username));
        }

        @ParameterizedTest
        @ValueSource(strings = {"wizard", "", "admin", DROP_TABLE, "cashier\nowner"})
        void staffAddRefusesAnUnknownRole(String role) {
            cliRefused(withNewPassword(), 2, "role must be cashier, manager or owner",
                    "staff", "add", "--username", "bob", "--role", role, "--as", "owner");
        }

        @Test
        void staffAddRefusesA10kBRoleWithAShortMessage() {
            cliRefused(withNewPassword(), 2, "role must be", "staff", "add", "--username", "bob", "--role", TEN_KB, "--as", "owner");
        }

        @Test
        void staffAddRefusesAMissingRoleOrUsername() {
            cliRefused(withNewPassword(), 2, "--role", "staff", "add", "--username", "bob", "--as", "owner");
            cliRefused(withNewPassword(), 2, "--username", "staff", "add", "--role", "cashier", "--as", "owner");
        }

        @Test
        void staffAddRefusesANewPasswordThatIsTooShortTooLongOrMissing() {
            cliRefused(new CliRunner().stdin("short\n"), 2, "at least 8", addCashierAs("owner", "bob"));
            cliRefused(new CliRunner().stdin(TEN_KB + "\n"), 2, "at most 128", addCashierAs("owner", "bob"));
            cliRefused(new CliRunner().stdin(""), 2, "no password for bob", addCashierAs("owner", "bob"));
        }

        @Test
        void staffAddWithoutAsIsRefusedOnceAccountsExist() {
            cliRefused(3, "staff accounts exist already; an owner or manager must add staff (--as USER)", "staff", "add", "--username", "bob", "--role", "owner");
        }

        @Test
        void aCashierCannotAddStaff() {
            cliRefused(withNewPassword(), 3, "not permitted", addCashierAs("cashier", "bob"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"manager", "owner"})
        void aManagerCannotAddAManagerOrAnOwner(String role) {
            cliRefused(withNewPassword(), 3, "only an owner", "staff", "add", "--username", "bob", "--role", role, "--as", "manager");
        }

        @Test
        void staffAddRefusesAUsernameTakenInAnotherCase() {
            cliRefused(withNewPassword(), 3, "already registered", addCashierAs("owner", "CASHIER"));
        }

        @Test
        void staffAddRefusesAWrongPasswordForAs() {
            String before = snapshotIgnoringLoginCounters();
            var result = new CliRunner().env("SWEETSHOP_PASSWORD", "wrong-password").stdin("a-new-password\n").run(addCashierAs("owner", "bob"));
            assertCliRefusal(result, 3, "wrong username or password", false);
            assertThat(snapshotIgnoringLoginCounters()).isEqualTo(before);
            assertThat(failedLogins("owner")).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"nobody", DROP_TABLE, OR_TRUE})
        void staffAddRefusesAnUnknownAs(String as) {
            cliRefused(withNewPassword(), 3, "wrong username or password", addCashierAs(as, "bob"));
        }
    }

    // ------------------------------------------------------------------ sweet add

    @Nested
    class SweetAdd {

        private String[] addLemons(String... overrides) {
            List<String> all = new ArrayList<>(List.of("sweet", "add", "--sku", "LM", "--name", "Lemons", "--price", "1.20",
                    "--stock", "5", "--as", "manager"));
            for (int i = 0; i < overrides.length; i += 2) {
                int at = all.indexOf(overrides[i]);
                if (at < 0) {
                    all.add(overrides[i]);
                    all.add(overrides[i + 1]);
                } else {
                    all.set(at + 1, overrides[i + 1]);
                }
            }
            return all.toArray(String[]::new);
        }

        static Stream<String> badPrices() {
            return Stream.of("1.205", "-1", "-0.01", "1e3", "1E3", "1,20", "abc", "", " ", "99999999999999999999", "100000.01", "1.2.3",
                    ".5", "1.", "+1.20", "0x10", "NaN", "Infinity", "١٫٢٠", DROP_TABLE, TEN_KB);
        }

        @ParameterizedTest
        @MethodSource("badPrices")
        void sweetAddRefusesAPriceThatIsNotATwoDecimalAmount(String price) {
            cliRefused(2, "price", addLemons("--price", price));
        }

        static Stream<String> badSkus() {
            return Stream.of(TEN_KB, DROP_TABLE, OR_TRUE, "L M", "S\nL", "ＬＭ", "LM\u200b", "A".repeat(65));
        }

        @ParameterizedTest
        @MethodSource("badSkus")
        void sweetAddRefusesABadSku(String sku) {
            cliRefused(2, "sku", addLemons("--sku", sku));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Lemons\nDrop", "Lem\u0000ons", "\u001b[2JLemons", "   "})
        void sweetAddRefusesANameWithControlCharactersOrNone(String name) {
            cliRefused(2, "name", addLemons("--name", name));
        }

        @Test
        void sweetAddRefusesA10kBNameOrCategoryWithAShortMessage() {
            cliRefused(2, "name is longer than 120", addLemons("--name", TEN_KB));
            cliRefused(2, "category is longer than 60", addLemons("--category", TEN_KB));
            cliRefused(2, "category contains control characters", addLemons("--category", "Boiled\nSweets"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "1000001"})
        void sweetAddRefusesANegativeOrHugeOpeningStock(String stock) {
            cliRefused(2, "stock must be between 0 and 1000000", addLemons("--stock", stock));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2147483648", "99999999999999999999", "abc", "1.5", "1e3", ""})
        void sweetAddRefusesAStockThatIsNotAWholeNumber(String stock) {
            cliRefused(2, "--stock", addLemons("--stock", stock));
        }

        @Test
        void sweetAddRefusesA10kBStockWithAShortMessage() {
            cliRefused(2, "--stock", addLemons("--stock", TEN_KB_DIGITS));
        }

        @Test
        void sweetAddRefusesANegativeReorderLevel() {
            cliRefused(2, "reorder level must be between", addLemons("--reorder-level", "-1"));
        }

        @Test
        void sweetAddRefusesASkuThatExists() {
            cliRefused(3, "already registered", addLemons("--sku", "SL"));
        }

        @Test
        void aCashierCannotAddSweets() {
            cliRefused(3, "cashier cannot add sweets", addLemons("--as", "cashier"));
        }

        @Test
        void sweetAddRefusesAWrongPassword() {
            refusedForAWrongPassword("manager", addLemons());
        }

        @Test
        void sweetAddRefusesA10kBTerminalName() {
            cliRefused(2, "till", concat(args("--terminal", TEN_KB), addLemons()));
        }

        @Test
        void sweetAddRefusesATerminalNameWithANewline() {
            cliRefused(2, "till", concat(args("--terminal", "T1\nT2"), addLemons()));
        }

        @Test
        void sweetAddStoresAnInjectionStringAsAPlainName() {
            var result = new CliRunner().run(addLemons("--name", DROP_TABLE));

            assertThat(result.exitCode()).as(describe(result)).isZero();
            assertThat(app.catalog().find("LM").name()).isEqualTo(DROP_TABLE);
            assertThat(app.catalog().list()).hasSize(2);
        }
    }

    // ------------------------------------------------------------------ sweet list

    @Nested
    class SweetList {

        @Test
        void sweetListRefusesAnUnknownOptionOrArgument() {
            cliRefused(2, "'--limit'", "sweet", "list", "--limit", "5");
            cliRefused(2, "extra", "sweet", "list", "extra");
            cliRefused(2, "--json", "sweet", "list", "--json=maybe");
        }

        @Test
        void sweetListWithJsonAnswersAnUnknownOptionInJson() {
            cliRefused(2, "Unknown option: '--bogus'", "sweet", "list", "--json", "--bogus");
        }
    }

    // ------------------------------------------------------------------ restock

    @Nested
    class Restock {

        private String[] restock(String sku, String qty, String... more) {
            return concat(args("restock", "--sku", sku, "--qty", qty, "--as", "manager"), more);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "0", "100001", "2147483647", "-2147483648"})
        void restockRefusesAZeroNegativeOrHugeQuantity(String qty) {
            cliRefused(2, "quantity must be between 1 and 100000", restock("SL", qty));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2147483648", "99999999999999999999", "abc", "1.5", "1e3", "", "5;drop"})
        void restockRefusesAQuantityThatIsNotAWholeNumber(String qty) {
            cliRefused(2, "'--qty'", restock("SL", qty));
        }

        @Test
        void restockRefusesA10kBQuantityWithAShortMessage() {
            cliRefused(2, "'--qty'", restock("SL", TEN_KB_DIGITS));
        }

        static Stream<String> badSkus() {
            return Stream.of(TEN_KB, DROP_TABLE, OR_TRUE, "S L", "S\nL", "ＳＬ");
        }

        @ParameterizedTest
        @MethodSource("badSkus")
        void restockRefusesABadSku(String sku) {
            cliRefused(2, "sku", restock(sku, "5"));
        }

        @Test
        void restockRefusesAnUnknownSku() {
            cliRefused(3, "unknown sweet: no SKU 'NOPE'", restock("NOPE", "5"));
        }

        @Test
        void restockRefusesA10kBOrMultiLineReason() {
            cliRefused(2, "reason is longer than 200", restock("SL", "5", "--reason", TEN_KB));
            cliRefused(2, "reason contains control characters", restock("SL", "5", "--reason", "note\n2"));
        }

        @Test
        void aCashierCannotRestock() {
            cliRefused(3, "cashier cannot restock", "restock", "--sku", "SL", "--qty", "5", "--as", "cashier");
        }

        @Test
        void restockRefusesAWrongPasswordAndCountsIt() {
            refusedForAWrongPassword("manager", restock("SL", "5"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"nobody", DROP_TABLE, OR_TRUE, "manager.x"})
        void restockRefusesAnUnknownUserAndChangesNothing(String as) {
            cliRefused(3, "wrong username or password", "restock", "--sku", "SL", "--qty", "5", "--as", as);
        }

        @Test
        void restockRefusesA10kBUserWithAShortMessage() {
            cliRefused(3, "wrong username or password", "restock", "--sku", "SL", "--qty", "5", "--as", TEN_KB);
        }

        @Test
        void restockRefusesWithoutAsOrWithoutAPassword() {
            cliRefused(2, "--as", "restock", "--sku", "SL", "--qty", "5");
            cliRefused(new CliRunner().env("SWEETSHOP_PASSWORD", null), 2, "set SWEETSHOP_PASSWORD", restock("SL", "5"));
        }

        @Test
        void restockRefusesA10kBTerminalName() {
            cliRefused(2, "till", concat(args("--terminal", TEN_KB), restock("SL", "5")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"T1\nT2", "T\u0000", DROP_TABLE})
        void restockRefusesATerminalNameThatIsNotATillName(String terminal) {
            cliRefused(2, "till", concat(args("--terminal", terminal), restock("SL", "5")));
        }

        @Test
        void aLockedOutManagerCannotRestockEvenWithTheRightPassword() {
            CliRunner wrong = new CliRunner().env("SWEETSHOP_PASSWORD", "wrong-password");
            for (int i = 0; i < 4; i++) {
                assertCliRefusal(wrong.run(restock("SL", "5")), 3, "wrong username or password", false);
            }
            assertCliRefusal(wrong.run(restock("SL", "5")), 3, "account locked", false);

            cliRefused(3, "account locked", restock("SL", "5"));
            assertThat(stockOf("SL")).isEqualTo(10);
        }
    }

    // ------------------------------------------------------------------ sell

    @Nested
    class Sell {

        private String[] sell(String... more) {
            return concat(args("sell", "--till", "T1", "--as", "cashier"), more);
        }

        static Stream<Arguments> badItems() {
            return Stream.of(
                    Arguments.of("SL:abc", "must be a whole number"),
                    Arguments.of("SL:1.5", "must be a whole number"),
                    Arguments.of("SL:", "must be a whole number"),
                    Arguments.of("SL:99999999999999999999", "must be a whole number"),
                    Arguments.of("SL:1e3", "must be a whole number"),
                    Arguments.of("SL:-1", "quantity must be between 1 and 9999"),
                    Arguments.of("SL:0", "quantity must be between 1 and 9999"),
                    Arguments.of("SL:10000", "quantity must be between 1 and 9999"),
                    Arguments.of("SL:2147483648", "quantity must be between 1 and 9999"),
                    Arguments.of("SL:-2147483649", "quantity must be between 1 and 9999"),
                    Arguments.of("", "an item must be SKU:QTY"),
                    Arguments.of(TEN_KB, "an item must be SKU:QTY"),
                    Arguments.of(":2", "sku is missing"),
                    Arguments.of("SL:1:2", "sku must be"),
                    Arguments.of("SL;2", "sku must be"),
                    Arguments.of(DROP_TABLE, "sku must be"),
                    Arguments.of("S\nL:1", "sku must be"),
                    Arguments.of("ＳＬ:1", "sku must be"));
        }

        @ParameterizedTest
        @MethodSource("badItems")
        void sellRefusesAMalformedItem(String item, String fragment) {
            cliRefused(2, fragment, sell("--item", item));
        }

        @Test
        void sellRefusesDuplicateItemsThatTogetherExceedTheMaximumQuantity() {
            cliRefused(2, "quantity of SL must be between 1 and 9999, not 10000", sell("--item", "SL:5000", "--item", "SL:5000"));
        }

        @Test
        void sellRefusesMoreThanAHundredItems() {
            List<String> all = new ArrayList<>(List.of(sell()));
            for (int i = 0; i <= 100; i++) {
                all.add("--item");
                all.add("S" + i + ":1");
            }
            cliRefused(2, "at most 100 lines", all.toArray(String[]::new));
        }

        @Test
        void sellRefusesWithoutAnItem() {
            cliRefused(2, "--item", sell());
        }

        @Test
        void sellRefusesAnUnknownSku() {
            cliRefused(3, "unknown sweet: no SKU 'NOPE'", sell("--item", "SL:1", "--item", "NOPE:1"));
        }

        @Test
        void sellRefusesMoreThanIsInStock() {
            cliRefused(3, "out of stock: only 10", sell("--item", "SL:11"));
        }

        static Stream<Arguments> badPayments() {
            return Stream.of(
                    Arguments.of("cash", "payment must be 'card', 'card:AMOUNT' or 'cash:AMOUNT'"),
                    Arguments.of("bitcoin", "payment must be 'card', 'card:AMOUNT' or 'cash:AMOUNT'"),
                    Arguments.of("card:0", "a card part must be more than 0.00"),
                    Arguments.of("card:x", "card amount must be an amount"),
                    Arguments.of("cash=5", "payment must be 'card', 'card:AMOUNT' or 'cash:AMOUNT'"),
                    Arguments.of("", "payment is missing"),
                    Arguments.of(TEN_KB, "payment must be 'card', 'card:AMOUNT' or 'cash:AMOUNT'"),
                    Arguments.of("cash:", "cash tendered is missing"),
                    Arguments.of("cash:1.205", "cash tendered has more than two decimals"),
                    Arguments.of("cash:-1", "cash tendered must be an amount"),
                    Arguments.of("cash:1e3", "cash tendered must be an amount"),
                    Arguments.of("cash:1,20", "cash tendered must be an amount"),
                    Arguments.of("cash:100000.01", "cash tendered is larger than 100000.00"),
                    Arguments.of("cash:99999999999999999999", "cash tendered must be an amount"),
                    Arguments.of("cash:" + TEN_KB_DIGITS, "cash tendered must be an amount"),
                    Arguments.of("cash:" + DROP_TABLE, "cash tendered must be an amount"));
        }

        @ParameterizedTest
        @MethodSource("badPayments")
        void sellRefusesAMalformedPayment(String pay, String fragment) {
            cliRefused(2, fragment, sell("--item", "SL:1", "--pay", pay));
        }

        @Test
        void sellRefusesCashTenderedBelowTheTotal() {
            cliRefused(2, "cash tendered 2.39 is less than the total 2.40", sell("--item", "SL:2", "--pay", "cash:2.39"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"nope", "1234", "00000000-0000-0000-0000", "g0000000-0000-0000-0000-000000000000", DROP_TABLE, ""})
        void sellRefusesAMalformedSaleIdInPlainWords(String saleId) {
            cliRefused(2, "--sale-id", sell("--item", "SL:1", "--sale-id", saleId));
        }

        @Test
        void sellRefusesA10kBSaleIdWithAShortMessage() {
            cliRefused(2, "--sale-id", sell("--item", "SL:1", "--sale-id", TEN_KB));
        }

        static Stream<String> badTills() {
            return Stream.of(TEN_KB, DROP_TABLE, OR_TRUE, "T 1", "T\n1", "Ｔ１", "T".repeat(17), "");
        }

        @ParameterizedTest
        @MethodSource("badTills")
        void sellRefusesATillThatIsNotATillName(String till) {
            cliRefused(2, "till", "sell", "--till", till, "--as", "cashier", "--item", "SL:1");
        }

        static Stream<String> garbageCoupons() {
            return Stream.of("hello", "SWC-123", NEVER_ISSUED + "Z", NEVER_ISSUED.replace('Y', 'I'), "\u0421" + NEVER_ISSUED.substring(1),
                    DROP_TABLE, OR_TRUE, TEN_KB);
        }

        @ParameterizedTest
        @MethodSource("garbageCoupons")
        void sellRefusesACouponThatIsNotACouponCode(String coupon) {
            cliRefused(2, "not a coupon code", sell("--item", "SL:1", "--coupon", coupon));
        }

        @Test
        void sellRefusesACouponOfTheRightShapeThatWasNeverIssued() {
            cliRefused(3, "coupon unknown", sell("--item", "SL:1", "--coupon", NEVER_ISSUED));
        }

        @Test
        void sellAcceptsALowerCaseSpellingOfARealCoupon() {
            String token = issueOneCoupon();

            var result = new CliRunner().run(sell("--item", "SL:1", "--coupon", token.toLowerCase(Locale.ROOT)));

            assertThat(result.exitCode()).as(describe(result)).isZero();
            assertThat(app.coupons().preview(token).state()).isEqualTo("redeemed");
        }

        @Test
        void sellRefusesACouponRedeemedAlready() {
            String token = issueOneCoupon();
            app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T2", List.of(line("SL", 1)), token, null, Payment.card()));

            cliRefused(3, "coupon already redeemed at T2", sell("--item", "SL:1", "--coupon", token));
        }

        @ParameterizedTest
        @ValueSource(strings = {"AB", "WELCOME 10", DROP_TABLE, OR_TRUE, "ＦＩＦＴＹ"})
        void sellRefusesAPromoThatIsNotAPromoCode(String promo) {
            cliRefused(2, "promo must be", sell("--item", "SL:1", "--promo", promo));
        }

        @Test
        void sellRefusesAnUnknownOrUsedUpPromoCode() {
            cliRefused(3, "promo code unknown: NOPE", sell("--item", "SL:1", "--promo", "nope"));
            cliRefused(2, "promo must be", sell("--item", "SL:1", "--promo", TEN_KB));
            app.promos().add(manager, new NewPromo("ONCE", Discount.percent(BigDecimal.TEN), 1, null, null));
            app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T2", List.of(line("SL", 1)), null, "ONCE", Payment.card()));
            cliRefused(3, "promo ONCE is used up", sell("--item", "SL:1", "--promo", "once"));
        }

        @Test
        void sellRefusesAWrongPasswordAndCountsIt() {
            refusedForAWrongPassword("cashier", sell("--item", "SL:1"));
        }

        @Test
        void sellRefusesAnUnknownCashier() {
            cliRefused(3, "wrong username or password", "sell", "--till", "T1", "--as", "nobody", "--item", "SL:1");
        }

        @Test
        void sellRefusesADeactivatedCashier() {
            app.staff().deactivate(manager, "cashier");

            cliRefused(3, "deactivated", sell("--item", "SL:1"));
        }

        @Test
        void sellWithJsonAnswersBadInputWithAJsonError() {
            var result = cliRefused(2, "must be a whole number", sell("--json", "--item", "SL:abc"));
            assertThat(jsonError(result).path("error").asText()).isEqualTo("INVALID_INPUT");
            assertThat(jsonError(result).path("details").path("field").asText()).isEqualTo("item");
        }

        @Test
        void sellWithJsonAnswersARefusalWithAJsonError() {
            var unknown = cliRefused(3, "unknown sweet", sell("--json", "--item", "NOPE:1"));
            assertThat(jsonError(unknown).path("error").asText()).isEqualTo("NOT_FOUND");
            var outOfStock = cliRefused(3, "out of stock", sell("--json", "--item", "SL:11"));
            assertThat(jsonError(outOfStock).path("error").asText()).isEqualTo("OUT_OF_STOCK");
            assertThat(jsonError(outOfStock).path("details").path("left").asInt()).isEqualTo(10);
            var coupon = cliRefused(3, "coupon unknown", sell("--json", "--item", "SL:1", "--coupon", NEVER_ISSUED));
            assertThat(jsonError(coupon).path("error").asText()).isEqualTo("COUPON_UNKNOWN");
        }

        @Test
        void sellWithJsonAnswersAWrongPasswordWithAJsonError() {
            var result = refusedForAWrongPassword("cashier", sell("--json", "--item", "SL:1"));
            assertThat(jsonError(result).path("error").asText()).isEqualTo("BAD_CREDENTIALS");
        }

        @Test
        void sellWithJsonAnswersAMalformedSaleIdWithAJsonError() {
            cliRefused(2, "--sale-id", sell("--json", "--item", "SL:1", "--sale-id", "nope"));
        }
    }

    // ------------------------------------------------------------------ coupon issue

    @Nested
    class CouponIssue {

        @TempDir
        Path dir;

        /** Three coupons at 10% into DIR/batch, plus {@code more}. */
        private String[] issue(String... more) {
            return concat(issueWith("--percent", "10"), more);
        }

        private String[] issueWith(String... discountAndMore) {
            return concat(args("coupon", "issue", "--count", "3", "--out", dir.resolve("batch").toString(), "--as", "manager"),
                    discountAndMore);
        }

        private void assertNoCouponFilesWritten() throws IOException {
            Path batch = dir.resolve("batch");
            if (Files.isDirectory(batch)) {
                try (Stream<Path> files = Files.list(batch)) {
                    assertThat(files).as("files in " + batch).isEmpty();
                }
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "10001", "2147483647"})
        void couponIssueRefusesACountOutOfRange(String count) throws IOException {
            cliRefused(2, "count must be between 1 and 10000",
                    "coupon", "issue", "--count", count, "--percent", "10", "--out", dir.resolve("batch").toString(), "--as", "manager");
            assertNoCouponFilesWritten();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2147483648", "99999999999999999999", "abc", "1.5", ""})
        void couponIssueRefusesACountThatIsNotAWholeNumber(String count) throws IOException {
            cliRefused(2, "'--count'",
                    "coupon", "issue", "--count", count, "--percent", "10", "--out", dir.resolve("batch").toString(), "--as", "manager");
            assertNoCouponFilesWritten();
        }

        static Stream<Arguments> badDiscounts() {
            return Stream.of(
                    Arguments.of("--percent", "101", "percent must be at most 100"),
                    Arguments.of("--percent", "100.01", "percent must be at most 100"),
                    Arguments.of("--percent", "0", "more than zero"),
                    Arguments.of("--percent", "-5", "percent must be an amount"),
                    Arguments.of("--percent", "12.345", "percent has more than two decimals"),
                    Arguments.of("--percent", "1e3", "percent must be an amount"),
                    Arguments.of("--percent", "10%", "percent must be an amount"),
                    Arguments.of("--percent", TEN_KB, "percent must be an amount"),
                    Arguments.of("--amount", "0", "more than zero"),
                    Arguments.of("--amount", "0.00", "more than zero"),
                    Arguments.of("--amount", "-1", "amount must be an amount"),
                    Arguments.of("--amount", "1,20", "amount must be an amount"),
                    Arguments.of("--amount", "1.205", "amount has more than two decimals"),
                    Arguments.of("--amount", "100000.01", "amount is larger than 100000.00"),
                    Arguments.of("--amount", DROP_TABLE, "amount must be an amount"));
        }

        @ParameterizedTest
        @MethodSource("badDiscounts")
        void couponIssueRefusesABadDiscountBeforeIssuingAnything(String option, String value, String fragment) throws IOException {
            cliRefused(2, fragment, issueWith(option, value));
            assertNoCouponFilesWritten();
        }

        @Test
        void couponIssueRefusesBothOrNeitherKindOfDiscount() throws IOException {
            cliRefused(2, "mutually exclusive", issueWith("--percent", "10", "--amount", "1.00"));
            cliRefused(2, "--percent", issueWith());
            assertNoCouponFilesWritten();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-13-45", "2026-02-30", "tomorrow", "31/12/2030", "", "2030-1-1"})
        void couponIssueRefusesAMalformedExpiryDateInPlainWords(String expires) throws IOException {
            cliRefused(2, "--expires", issue("--expires", expires));
            assertNoCouponFilesWritten();
        }

        @Test
        void couponIssueRefusesAnExpiryDateInThePast() throws IOException {
            cliRefused(2, "is in the past", issue("--expires", LocalDate.now().minusDays(1).toString()));
            assertNoCouponFilesWritten();
        }

        @Test
        void couponIssueRefusesAFolderThatHoldsCouponsCsvBeforeIssuingAnyCoupon() throws IOException {
            var first = new CliRunner().run(issue());
            assertThat(first.exitCode()).as(describe(first)).isZero();
            Path batch = dir.resolve("batch");
            List<String> earlierTokens = Files.readAllLines(batch.resolve("coupons.csv"));
            long filesBefore;
            try (Stream<Path> files = Files.list(batch)) {
                filesBefore = files.count();
            }
            long couponsBefore = count("coupon");

            cliRefused(2, "already holds coupons.csv", issue());

            assertThat(count("coupon")).isEqualTo(couponsBefore).isEqualTo(3);
            assertThat(Files.readAllLines(batch.resolve("coupons.csv"))).isEqualTo(earlierTokens);
            try (Stream<Path> files = Files.list(batch)) {
                assertThat(files.count()).isEqualTo(filesBefore);
            }
        }

        @Test
        void couponIssueRefusesAnOutThatIsAFile() throws IOException {
            Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

            cliRefused(2, "cannot create the folder",
                    "coupon", "issue", "--count", "1", "--percent", "10", "--out", file.toString(), "--as", "manager");
            assertThat(Files.readString(file)).isEqualTo("x");
        }

        @Test
        void couponIssueRefusesA10kBOutWithAShortMessage() {
            cliRefused(2, "cannot create the folder",
                    "coupon", "issue", "--count", "1", "--percent", "10", "--out", dir.resolve(TEN_KB).toString(), "--as", "manager");
        }

        @Test
        void aCashierCannotIssueCoupons() throws IOException {
            cliRefused(3, "cashier cannot issue coupons",
                    "coupon", "issue", "--count", "3", "--percent", "10", "--out", dir.resolve("batch").toString(), "--as", "cashier");
            assertNoCouponFilesWritten();
        }

        @Test
        void couponIssueRefusesAWrongPassword() throws IOException {
            refusedForAWrongPassword("manager", issue());
            assertNoCouponFilesWritten();
        }
    }

    // ------------------------------------------------------------------ coupon show, coupon void

    @Nested
    class CouponShowAndVoid {

        private String token;

        @BeforeEach
        void aCouponIssued() {
            token = issueOneCoupon();
        }

        static Stream<String> garbageTokens() {
            return Stream.of("hello", "SWC-123", NEVER_ISSUED + "Z", NEVER_ISSUED.replace('Y', 'O'), "ＳＷＣ-" + NEVER_ISSUED.substring(4),
                    NEVER_ISSUED.substring(0, 20) + "\n" + NEVER_ISSUED.substring(20), DROP_TABLE, OR_TRUE, TEN_KB);
        }

        @ParameterizedTest
        @MethodSource("garbageTokens")
        void couponShowRefusesSomethingThatIsNotACouponCode(String text) {
            cliRefused(2, "not a coupon code", "coupon", "show", text);
        }

        @Test
        void couponShowRefusesAMissingToken() {
            cliRefused(2, "TOKEN", "coupon", "show");
            cliRefused(2, "coupon code is missing", "coupon", "show", " ");
        }

        @Test
        void couponShowRefusesATokenThatWasNeverIssued() {
            cliRefused(3, "coupon unknown: this code was never issued", "coupon", "show", NEVER_ISSUED);
        }

        @Test
        void couponShowWithJsonAnswersRefusalsWithAJsonError() {
            var unknown = cliRefused(3, "coupon unknown", "coupon", "show", "--json", NEVER_ISSUED);
            assertThat(jsonError(unknown).path("error").asText()).isEqualTo("COUPON_UNKNOWN");
            assertThat(jsonError(unknown).path("details").path("reason").asText()).isEqualTo("UNKNOWN");
            var garbage = cliRefused(2, "not a coupon code", "coupon", "show", "--json", TEN_KB);
            assertThat(jsonError(garbage).path("error").asText()).isEqualTo("INVALID_INPUT");
        }

        @Test
        void couponShowAcceptsALowerCaseSpellingOfARealToken() {
            var result = new CliRunner().run("coupon", "show", token.toLowerCase(Locale.ROOT));

            assertThat(result.exitCode()).as(describe(result)).isZero();
            assertThat(result.out()).contains("valid");
        }

        @ParameterizedTest
        @MethodSource("garbageTokens")
        void couponVoidRefusesSomethingThatIsNotACouponCode(String text) {
            cliRefused(2, "not a coupon code", "coupon", "void", text, "--as", "manager");
        }

        @Test
        void couponVoidRefusesATokenThatWasNeverIssued() {
            cliRefused(3, "coupon unknown", "coupon", "void", NEVER_ISSUED, "--as", "manager");
        }

        @Test
        void aCashierCannotVoidCoupons() {
            cliRefused(3, "cashier cannot void coupons", "coupon", "void", token, "--as", "cashier");
        }

        @Test
        void couponVoidRefusesARedeemedCoupon() {
            app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T2", List.of(line("SL", 1)), token, null, Payment.card()));

            cliRefused(3, "coupon already redeemed at T2", "coupon", "void", token, "--as", "manager");
        }

        @Test
        void couponVoidRefusesACouponThatIsVoidAlready() {
            app.coupons().voidCoupon(manager, token);

            cliRefused(3, "coupon void", "coupon", "void", token, "--as", "manager");
        }

        @Test
        void couponVoidRefusesAWrongPassword() {
            refusedForAWrongPassword("manager", "coupon", "void", token, "--as", "manager");
            assertThat(app.coupons().preview(token).state()).isEqualTo("valid");
        }
    }

    // ------------------------------------------------------------------ promo add, promo show

    @Nested
    class Promos {

        @BeforeEach
        void onePromoCode() {
            app.promos().add(manager, new NewPromo("FIFTY", Discount.percent(BigDecimal.TEN), 50, null, null));
        }

        private String[] add(String code, String... more) {
            return concat(args("promo", "add", "--code", code, "--percent", "10", "--as", "manager"), more);
        }

        static Stream<String> badCodes() {
            return Stream.of(TEN_KB, DROP_TABLE, OR_TRUE, "AB", "WELCOME 10", "WEL\nCOME", "ＦＩＦＴＹ", "10%OFF", "");
        }

        @ParameterizedTest
        @MethodSource("badCodes")
        void promoAddRefusesACodeThatIsNotAPromoCode(String code) {
            cliRefused(2, "promo", add(code));
        }

        static Stream<Arguments> badDiscounts() {
            return Stream.of(
                    Arguments.of("--percent", "101", "percent must be at most 100"),
                    Arguments.of("--percent", "0", "more than zero"),
                    Arguments.of("--percent", "33.333", "more than two decimals"),
                    Arguments.of("--amount", "-0.50", "amount must be an amount"),
                    Arguments.of("--amount", "0.505", "more than two decimals"),
                    Arguments.of("--amount", "1e3", "amount must be an amount"),
                    Arguments.of("--amount", "1,20", "amount must be an amount"));
        }

        @ParameterizedTest
        @MethodSource("badDiscounts")
        void promoAddRefusesABadDiscount(String option, String value, String fragment) {
            cliRefused(2, fragment, "promo", "add", "--code", "TREAT", option, value, "--as", "manager");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "10000001", "2147483647"})
        void promoAddRefusesMaxUsesOutOfRange(String maxUses) {
            cliRefused(2, "max uses must be between 1 and 10000000", add("TREAT", "--max-uses", maxUses));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2147483648", "99999999999999999999", "abc", "1.5"})
        void promoAddRefusesMaxUsesThatIsNotAWholeNumber(String maxUses) {
            cliRefused(2, "'--max-uses'", add("TREAT", "--max-uses", maxUses));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-13-45", "2026-02-30", "next week"})
        void promoAddRefusesAMalformedDateInPlainWords(String date) {
            cliRefused(2, "--valid-until", add("TREAT", "--valid-until", date));
        }

        @Test
        void promoAddRefusesAnEndDateInThePastOrBeforeTheStart() {
            cliRefused(2, "is in the past", add("TREAT", "--valid-until", LocalDate.now().minusDays(1).toString()));
            cliRefused(2, "start date is after the end date", add("TREAT", "--valid-from", LocalDate.now().plusDays(9).toString(),
                    "--valid-until", LocalDate.now().plusDays(2).toString()));
        }

        @Test
        void promoAddRefusesACodeThatExistsInAnyCase() {
            cliRefused(3, "already registered: promo code FIFTY exists", add("fifty"));
        }

        @Test
        void aCashierCannotCreatePromoCodes() {
            cliRefused(3, "cashier cannot create promo codes", "promo", "add", "--code", "TREAT", "--percent", "10", "--as", "cashier");
        }

        @Test
        void promoAddRefusesAWrongPassword() {
            refusedForAWrongPassword("manager", add("TREAT"));
        }

        @ParameterizedTest
        @MethodSource("badCodes")
        void promoShowRefusesACodeThatIsNotAPromoCode(String code) {
            cliRefused(2, "promo", "promo", "show", code);
        }

        @Test
        void promoShowRefusesAnUnknownCode() {
            cliRefused(3, "promo code unknown: NOPE", "promo", "show", "nope");
        }

        @Test
        void promoShowWithJsonAnswersRefusalsWithAJsonError() {
            var unknown = cliRefused(3, "promo code unknown", "promo", "show", "--json", "NOPE");
            assertThat(jsonError(unknown).path("error").asText()).isEqualTo("PROMO_UNKNOWN");
            var garbage = cliRefused(2, "promo must be", "promo", "show", "--json", DROP_TABLE);
            assertThat(jsonError(garbage).path("error").asText()).isEqualTo("INVALID_INPUT");
        }
    }

    // ------------------------------------------------------------------ audit, demo

    @Nested
    class AuditAndDemo {

        @Test
        void auditRefusesAnUnknownOptionOrArgument() {
            cliRefused(2, "Unknown option: '--fix'", "audit", "--fix");
            cliRefused(2, "everything", "audit", "everything");
        }

        @Test
        void auditWithJsonAnswersAnUnknownOptionInJson() {
            cliRefused(2, "Unknown option: '--fix'", "audit", "--json", "--fix");
        }

        @Test
        void demoIsRefusedOnAStoreThatHasStaff() {
            cliRefused(3, "the demo needs an empty store", "demo");
            cliRefused(2, "extra", "demo", "extra");
        }
    }

    // ------------------------------------------------------------------ server, bench: refused before anything starts

    @Nested
    class ServerAndBench {

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "65536", "2147483647"})
        void serverRefusesAPortOutOfRangeBeforeStarting(String port) {
            cliRefused(2, "port must be between 1 and 65535", "server", "--port", port);
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "99999999999999999999", "2147483648", "54.32", ""})
        void serverRefusesAPortThatIsNotAWholeNumberBeforeStarting(String port) {
            cliRefused(2, "'--port'", "server", "--port", port);
        }

        @Test
        void serverRefusesA10kBPortWithAShortMessage() {
            cliRefused(2, "'--port'", "server", "--port", TEN_KB_DIGITS);
        }

        static Stream<String> badAddresses() {
            return Stream.of("", "bad addr", DROP_TABLE, "host\nname", "0.0.0.0;rm -rf /", "ｈｏｓｔ", TEN_KB);
        }

        @ParameterizedTest
        @MethodSource("badAddresses")
        void serverRefusesAListenAddressThatIsNotOneBeforeStarting(String listen) {
            cliRefused(2, "listen", "server", "--listen", listen, "--port", "5999");
        }

        @ParameterizedTest
        @ValueSource(strings = {"192.0.2.1", "300.1.1.1", "127.0.0", "fe80::zz", "example.com"})
        void serverRefusesAListenAddressThatIsNotOneOfThisMachinesBeforeStarting(String listen) {
            // 192.0.2.1 is a documentation address no machine here has: PostgreSQL would fail to bind it
            cliRefused(2, "listen", "server", "--listen", listen, "--port", "5999");
        }

        @ParameterizedTest
        @MethodSource("badAddresses")
        void serverTillRefusesANameThatIsNotOneBeforeTouchingTheServer(String name) {
            cliRefused(2, "till name", "server", "till", "add", name, "--out", "/tmp/sweetshop-never-written");
            cliRefused(2, "till name", "server", "till", "revoke", name);
        }

        @Test
        void serverTillNeedsARunningStoreServerOnItsDataDirectory() {
            // the test database runs in local mode: no store server, no till made
            cliRefused(5, "no store server runs", "server", "till", "add", "t1", "--out", "/tmp/sweetshop-never-written");
            cliRefused(5, "no store server runs", "server", "till", "revoke", "t1");
            assertThat(java.nio.file.Path.of("/tmp/sweetshop-never-written")).doesNotExist();
        }

        @Test
        void serverRefusesAStoreDatabaseUrl() {
            cliRefused(2, "leave out --db", "--db", "jdbc:postgresql://localhost:1/none", "server", "--port", "5999");
        }

        static Stream<Arguments> badBenchOptions() {
            return Stream.of(
                    Arguments.of("--tills", "0", "tills must be between 1 and 128"),
                    Arguments.of("--tills", "129", "tills must be between 1 and 128"),
                    Arguments.of("--tills", "-1", "tills must be between 1 and 128"),
                    Arguments.of("--tills", "2147483647", "tills must be between 1 and 128"),
                    Arguments.of("--tills", "abc", "'--tills'"),
                    Arguments.of("--tills", "2147483648", "'--tills'"),
                    Arguments.of("--hot", "2", "hot must be between 3 and 1000"),
                    Arguments.of("--hot", "1001", "hot must be between 3 and 1000"),
                    Arguments.of("--hot", "-3", "hot must be between 3 and 1000"),
                    Arguments.of("--seconds", "0", "seconds must be between 1 and 3600"),
                    Arguments.of("--seconds", "3601", "seconds must be between 1 and 3600"),
                    Arguments.of("--seconds", "1.5", "'--seconds'"),
                    Arguments.of("--warmup", "-1", "warmup must be between 0 and 600"),
                    Arguments.of("--warmup", "601", "warmup must be between 0 and 600"),
                    Arguments.of("--bogus", "1", "--bogus"));
        }

        @ParameterizedTest
        @MethodSource("badBenchOptions")
        void benchCheckoutRefusesBadOptionsWithExitTwoBeforeStartingAnything(String option, String value, String fragment) {
            cliRefused(2, fragment, "bench", "checkout", option, value);
        }

        static Stream<Arguments> badCouponBenchOptions() {
            return Stream.of(
                    Arguments.of("--count", "0", "count must be between 1 and 10000"),
                    Arguments.of("--count", "10001", "count must be between 1 and 10000"),
                    Arguments.of("--count", "x", "'--count'"),
                    Arguments.of("--runs", "0", "runs must be between 1 and 1000"),
                    Arguments.of("--warmup", "-1", "warmup must be between 0 and 1000"));
        }

        @ParameterizedTest
        @MethodSource("badCouponBenchOptions")
        void benchCouponsRefusesBadOptionsWithExitTwoBeforeStartingAnything(String option, String value, String fragment) {
            cliRefused(2, fragment, "bench", "coupons", option, value);
        }

        @Test
        void benchWithoutASubcommandIsAUsageError() {
            cliRefused(2, "missing command: sweetshop bench checkout", "bench");
        }
    }

    // ------------------------------------------------------------------ unknown commands and options

    @Nested
    class UnknownCommands {

        static Stream<Arguments> unknown() {
            return Stream.of(
                    Arguments.of(new String[] {"frobnicate"}, "frobnicate"),
                    Arguments.of(new String[] {"sweet", "frobnicate"}, "frobnicate"),
                    Arguments.of(new String[] {"coupon", "redeem", NEVER_ISSUED}, "redeem"),
                    Arguments.of(new String[] {"--bogus"}, "Unknown option: '--bogus'"),
                    Arguments.of(new String[] {"sell", "--till", "T1", "--as", "cashier", "--item", "SL:1", "--bogus"}, "Unknown option: '--bogus'"),
                    Arguments.of(new String[] {"staff"}, "missing command: sweetshop staff add"),
                    Arguments.of(new String[] {"coupon"}, "missing command: sweetshop coupon"),
                    Arguments.of(new String[] {"promo"}, "missing command: sweetshop promo"),
                    Arguments.of(new String[] {"sweet"}, "missing command: sweetshop sweet"),
                    Arguments.of(new String[] {DROP_TABLE}, "drop table"),
                    Arguments.of(new String[] {"restock", "--sku"}, "--sku"));
        }

        @ParameterizedTest
        @MethodSource("unknown")
        void anUnknownCommandOrOptionIsAUsageError(String[] args, String fragment) {
            cliRefused(2, fragment, args);
        }

        @Test
        void a10kBUnknownCommandIsRefusedWithAShortMessage() {
            cliRefused(2, "Unmatched argument", TEN_KB);
        }

        @Test
        void a10kBUnknownOptionIsRefusedWithAShortMessage() {
            cliRefused(2, "Unknown option", "restock", "--sku", "SL", "--qty", "5", "--as", "manager", "--" + TEN_KB);
        }

        static Stream<Arguments> usageErrors() {
            return Stream.of(
                    Arguments.of(new String[] {"frobnicate"}, "sweetshop --help"),
                    Arguments.of(new String[] {"coupon", "issue", "--count", "x"}, "sweetshop coupon issue --help"),
                    Arguments.of(new String[] {"promo", "add", "--bogus"}, "sweetshop promo add --help"),
                    Arguments.of(new String[] {"sweet", "add", "--bogus"}, "sweetshop sweet add --help"),
                    Arguments.of(new String[] {"staff", "add", "--bogus"}, "sweetshop staff add --help"),
                    Arguments.of(new String[] {"bench", "checkout", "--tills", "x"}, "sweetshop bench checkout --help"));
        }

        @ParameterizedTest
        @MethodSource("usageErrors")
        void aUsageErrorPointsAtTheHelpOfTheCommandThatWasMeant(String[] args, String hint) {
            var result = cliRefused(2, "--help", args);
            assertThat(result.err()).contains("(" + hint + " shows how it is used)");
        }
    }
}
