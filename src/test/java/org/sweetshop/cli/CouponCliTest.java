package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.common.Discount;
import org.sweetshop.coupon.IssuedCoupon;
import org.sweetshop.print.SheetCodes;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;

class CouponCliTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final CliRunner cli = new CliRunner();

    @Test
    void issueWithPdfWritesASheetWhoseCodesAreExactlyTheIssuedTokens() throws IOException {
        Path out = tmp.resolve("batch");
        Path pdf = out.resolve("sheet.pdf");

        var result = cli.run("coupon", "issue", "--count", "30", "--amount", "1.50", "--expires", "2099-12-31", "--out", out.toString(),
                "--pdf", pdf.toString(), "--as", "manager");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("issued 30 coupons (1.50 off, valid until 2099-12-31)").endsWith("(2 pages)\n");
        List<String> tokens = Files.readAllLines(out.resolve("coupons.csv"));
        assertThat(SheetCodes.read(pdf)).containsExactlyElementsOf(tokens).hasSize(30);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).hasSize(32); // the list, the sheet and a PNG each: no temporary file left
        }
    }

    @Test
    void aPdfInAMissingFolderIsRefusedBeforeAnyCouponIsIssued() {
        String before = Snapshot.of(app.database().dataSource());
        Path out = tmp.resolve("new").resolve("batch");

        var result = cli.run("coupon", "issue", "--count", "5", "--percent", "10", "--out", out.toString(),
                "--pdf", tmp.resolve("missing").resolve("sheet.pdf").toString(), "--as", "manager");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Cannot save sheet.pdf: the folder " + tmp.resolve("missing") + " does not exist\n");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
        assertThat(tmp.resolve("new")).doesNotExist(); // the --out folders it had made are gone again
    }

    @Test
    void aPdfThatExistsOrIsAFolderIsRefusedAndLeftAlone() throws IOException {
        Path earlier = Files.writeString(tmp.resolve("earlier.pdf"), "an earlier batch");
        String before = Snapshot.of(app.database().dataSource());

        var exists = cli.run("coupon", "issue", "--count", "1", "--percent", "10", "--out", tmp.resolve("a").toString(),
                "--pdf", earlier.toString(), "--as", "manager");
        var folder = cli.run("coupon", "issue", "--count", "1", "--percent", "10", "--out", tmp.resolve("b").toString(),
                "--pdf", tmp.toString(), "--as", "manager");

        assertThat(exists.exitCode()).isEqualTo(2);
        assertThat(exists.err()).isEqualTo("Cannot save earlier.pdf: it already exists; choose another name for the sheet\n");
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).contains("is a folder");
        assertThat(Files.readString(earlier)).isEqualTo("an earlier batch");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void listShowsEachStateWithTheTillAndTimeOfARedemption() throws IOException {
        sweet("SL", "2.00", 5);
        List<IssuedCoupon> issued = app.coupons().issue(manager, 3, Discount.amount(new BigDecimal("1.00")), null);
        app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "till-3", List.of(line("SL", 1)), issued.get(0).token(), null,
                Payment.card()));
        app.coupons().voidCoupon(manager, issued.get(1).token());

        var redeemed = cli.run("coupon", "list", "--status", "redeemed", "--json", "--as", "manager");
        var all = cli.run("coupon", "list", "--as", "manager");
        var issuedOnly = cli.run("coupon", "list", "--status", "ISSUED", "--limit", "1", "--as", "manager");

        assertThat(redeemed.exitCode()).as(redeemed.err()).isZero();
        JsonNode page = JSON.readTree(redeemed.out());
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode coupon = page.get("coupons").get(0);
        assertThat(coupon.get("hint").asText()).isEqualTo(issued.get(0).hint());
        assertThat(coupon.get("state").asText()).isEqualTo("REDEEMED");
        assertThat(coupon.get("redeemedTill").asText()).isEqualTo("till-3");
        assertThat(coupon.get("redeemedAt").asText()).isNotBlank();
        assertThat(coupon.has("token")).isFalse();

        assertThat(all.out().lines().toList()).hasSize(5);
        assertThat(all.out()).contains("…" + issued.get(0).hint()).contains(" at till-3").contains("void").endsWith("1–3 of 3\n");
        assertThat(issuedOnly.out()).contains("…" + issued.get(2).hint()).contains("1.00 off").endsWith("1–1 of 1\n");
    }

    @Test
    void listRefusesAnUnknownStatusACashierAndABadPage() {
        var unknown = cli.run("coupon", "list", "--status", "lost", "--as", "manager");
        var asCashier = cli.run("coupon", "list", "--as", "cashier");
        var tooMany = cli.run("coupon", "list", "--limit", "5000", "--as", "manager");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--status");
        assertThat(asCashier.exitCode()).isEqualTo(3);
        assertThat(asCashier.err()).contains("a cashier cannot list coupons");
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("limit");
    }
}
