package org.sweetshop.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sweetshop.DemoStore;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;
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
            List<Path> created = prepareFolder(out);
            List<IssuedCoupon> issued;
            try {
                Caller caller = login(as);
                issued = context().coupons().issue(caller, count, value, expires);
            } catch (RuntimeException refused) {
                removeEmpty(created); // a refused batch leaves no empty folder behind
                throw refused;
            }
            Path csv = out.resolve("coupons.csv");
            try {
                write(csv, issued);
            } catch (IOException | UncheckedIOException e) {
                // the tokens exist nowhere else: show them rather than lose them
                cli().err.println("could not write the coupon files (" + Cli.oneLine(e.getMessage()) + "); the tokens are:");
                issued.forEach(c -> out().println(c.token()));
                throw new InvalidInputException("out", "coupon files not written to " + Texts.shorten(out.toString()));
            }
            out().println("issued " + issued.size() + " coupon" + (issued.size() == 1 ? "" : "s") + " ("
                    + value.describe() + (expires == null ? "" : ", valid until " + expires) + "): " + csv
                    + " and " + issued.size() + " QR code" + (issued.size() == 1 ? "" : "s") + " in " + out);
            return Cli.OK;
        }

        /**
         * Makes sure, before any coupon exists, that the folder exists, can be written and holds no
         * earlier batch: the files will be the tokens' only copy. Returns the folders it created.
         */
        private static List<Path> prepareFolder(Path dir) {
            String shown = Texts.shorten(dir.toString());
            List<Path> missing = new ArrayList<>();
            for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
                missing.add(0, p);
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException | InvalidPathException e) {
                removeEmpty(missing);
                throw new InvalidInputException("out", "cannot create the folder " + shown
                        + (Files.isRegularFile(dir) ? ": a file of that name exists" : ""));
            }
            if (!Files.isWritable(dir)) {
                throw new InvalidInputException("out", "cannot write coupon files into " + shown);
            }
            if (Files.exists(dir.resolve("coupons.csv"))) {
                throw new InvalidInputException("out", shown + " already holds coupons.csv from an earlier batch: choose another folder");
            }
            return missing;
        }

        private static void removeEmpty(List<Path> created) {
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i));
                } catch (IOException e) {
                    return; // not empty, or not ours to remove
                }
            }
        }

        private static void write(Path csv, List<IssuedCoupon> issued) throws IOException {
            List<String> tokens = issued.stream().map(IssuedCoupon::token).toList();
            Files.write(csv, tokens, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            for (IssuedCoupon coupon : issued) {
                QrCodes.writePng(coupon.token(), DemoStore.QR_PIXELS, csv.resolveSibling(coupon.token() + ".png"));
            }
        }
    }

    @Command(name = "show", description = "Shows what a coupon is worth and whether it can be used (changes nothing).")
    static final class Show extends JsonCommand {

        @Parameters(paramLabel = "TOKEN")
        String token;


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
