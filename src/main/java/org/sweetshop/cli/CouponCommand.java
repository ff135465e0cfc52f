package org.sweetshop.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.coupon.CouponPreview;
import org.sweetshop.coupon.CouponService;
import org.sweetshop.coupon.IssuedCoupon;
import org.sweetshop.scan.QrCodes;
import org.sweetshop.staff.Caller;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "coupon", description = "QR coupons.",
        subcommands = {CouponCommand.Issue.class, CouponCommand.Show.class, CouponCommand.Void.class})
final class CouponCommand extends CliCommand.Group {

    static final int QR_PIXELS = 300;

    @Command(name = "issue", description = {"Issues a batch of coupons.",
            "Writes DIR/coupons.csv (one token a line) and DIR/<token>.png (its QR code).",
            "Tokens are stored hashed: these files are the only copy."})
    static final class Issue extends CliCommand {

        @Option(names = "--count", required = true, paramLabel = "N")
        int count;

        @ArgGroup(exclusive = true, multiplicity = "1")
        DiscountOption discount;

        @Option(names = "--expires", paramLabel = "YYYY-MM-DD", description = "last day the coupons can be used")
        LocalDate expires;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Option(names = "--as", required = true, paramLabel = "USER")
        String as;

        @Override
        public Integer call() {
            var value = discount.discount();
            if (count < 1 || count > CouponService.MAX_BATCH) {
                throw new InvalidInputException("count", "count must be between 1 and " + CouponService.MAX_BATCH);
            }
            Path csv = prepare(out);
            Caller caller = login(as);
            List<IssuedCoupon> issued = context().coupons().issue(caller, count, value, expires);
            try {
                write(csv, issued);
            } catch (IOException | UncheckedIOException e) {
                // the tokens exist nowhere else: show them rather than lose them
                cli().err.println("could not write the coupon files (" + e.getMessage() + "); the tokens are:");
                issued.forEach(c -> out().println(c.token()));
                throw new InvalidInputException("out", "coupon files not written to " + out);
            }
            out().println("issued " + issued.size() + " coupon" + (issued.size() == 1 ? "" : "s") + " ("
                    + value.describe() + (expires == null ? "" : ", valid until " + expires) + "): " + csv
                    + " and " + issued.size() + " QR code" + (issued.size() == 1 ? "" : "s") + " in " + out);
            return Cli.OK;
        }

        /** Checks the folder before any coupon exists, so that no token is issued without a file to go to. */
        private static Path prepare(Path dir) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new InvalidInputException("out", "cannot create the folder " + dir + ": " + e.getMessage());
            }
            Path csv = dir.resolve("coupons.csv");
            if (Files.exists(csv)) {
                throw new InvalidInputException("out", dir + " already holds coupons.csv from an earlier batch: choose another folder");
            }
            if (!Files.isWritable(dir)) {
                throw new InvalidInputException("out", "cannot write to " + dir);
            }
            return csv;
        }

        private static void write(Path csv, List<IssuedCoupon> issued) throws IOException {
            List<String> tokens = issued.stream().map(IssuedCoupon::token).toList();
            Files.write(csv, tokens, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            for (IssuedCoupon coupon : issued) {
                QrCodes.writePng(coupon.token(), QR_PIXELS, csv.resolveSibling(coupon.token() + ".png"));
            }
        }
    }

    @Command(name = "show", description = "Shows what a coupon is worth and whether it can be used (changes nothing).")
    static final class Show extends CliCommand implements JsonCommand {

        @Parameters(paramLabel = "TOKEN")
        String token;

        @Option(names = "--json")
        boolean json;

        @Override
        public boolean json() {
            return json;
        }

        @Override
        public Integer call() {
            CouponPreview preview = context().coupons().preview(token);
            out().println(json ? Json.write(preview) : "coupon …" + preview.hint() + ": " + preview.state() + " — " + preview.message());
            return Cli.OK;
        }
    }

    @Command(name = "void", description = "Cancels a coupon that has not been redeemed.")
    static final class Void extends CliCommand {

        @Parameters(paramLabel = "TOKEN")
        String token;

        @Option(names = "--as", required = true, paramLabel = "USER")
        String as;

        @Override
        public Integer call() {
            CouponPreview preview = context().coupons().voidCoupon(login(as), token);
            out().println("coupon …" + preview.hint() + " is now void");
            return Cli.OK;
        }
    }
}
