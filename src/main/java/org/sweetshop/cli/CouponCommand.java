package org.sweetshop.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;
import org.sweetshop.coupon.CouponListing;
import org.sweetshop.coupon.CouponPage;
import org.sweetshop.coupon.CouponPreview;
import org.sweetshop.coupon.CouponService;
import org.sweetshop.coupon.CouponState;
import org.sweetshop.coupon.IssuedCoupon;
import org.sweetshop.print.CouponSheet;
import org.sweetshop.print.PdfSaveException;
import org.sweetshop.staff.Caller;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "coupon", description = "QR coupons.",
        subcommands = {CouponCommand.Issue.class, CouponCommand.Show.class, CouponCommand.Void.class, CouponCommand.ListCoupons.class})
final class CouponCommand extends CliCommand.Group {


    @Command(name = "issue", description = {"Issues a batch of coupons.",
            "Writes DIR/coupons.csv (one token a line) and DIR/<token>.png (its QR code);",
            "with --pdf also a printable A4 sheet of 3 x 8 labels (QR code, value, expiry, short code).",
            "Tokens are stored hashed: these files are the only copy. Every file's place is checked",
            "before any coupon is issued: a folder or file that cannot be written issues nothing."})
    static final class Issue extends CliCommand {

        @Option(names = "--count", required = true, paramLabel = "N")
        int count;

        @ArgGroup(exclusive = true, multiplicity = "1")
        DiscountOption discount;

        @Option(names = "--expires", paramLabel = "YYYY-MM-DD", description = "last day the coupons can be used")
        LocalDate expires;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Option(names = "--pdf", paramLabel = "FILE", description = "also write the printable sheet of QR labels to FILE (must not exist yet)")
        Path pdf;

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
                Path sheet = pdf == null ? null : prepareSheet(pdf);
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
            String sheet = "";
            if (pdf != null) {
                try {
                    CouponSheet.write(issued, cli().config().storeName(), pdf, null);
                } catch (PdfSaveException e) {
                    // checked before issuing, so this is a disk filling up or a stick pulled meanwhile
                    throw new InvalidInputException("pdf", "the coupons were issued and saved in " + csv + ", but the sheet was not: "
                            + e.getMessage());
                }
                int pages = CouponSheet.pages(issued.size());
                sheet = ", and the printable sheet " + pdf + " (" + pages + " page" + (pages == 1 ? "" : "s") + ")";
            }
            out().println("issued " + issued.size() + " coupon" + (issued.size() == 1 ? "" : "s") + " ("
                    + value.describe() + (expires == null ? "" : ", valid until " + expires) + "): " + csv
                    + " and " + issued.size() + " QR code" + (issued.size() == 1 ? "" : "s") + " in " + out + sheet);
            return Cli.OK;
        }

        /**
         * Makes sure, before any coupon exists, that the sheet can be saved: a new file (an earlier
         * sheet may be the only printed copy of its tokens) in a folder that exists and takes a file.
         */
        private static Path prepareSheet(Path file) {
            if (Files.exists(file) && !Files.isDirectory(file)) {
                throw new InvalidInputException("pdf", "Cannot save " + Texts.shorten(String.valueOf(file.getFileName()))
                        + ": it already exists; choose another name for the sheet");
            }
            try {
                return CouponSheet.requireWritable(file);
            } catch (PdfSaveException e) {
                throw new InvalidInputException("pdf", e.getMessage());
            }
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
            CouponSheet.writePngs(issued, csv.getParent());
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

    @Command(name = "list", description = {"Lists coupons, newest first: issued (usable), redeemed (when, at which till),",
            "expired or void. Shows each coupon's short code (…ABCD, as on its label); tokens are not stored."})
    static final class ListCoupons extends JsonCommand {

        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        @Option(names = "--status", paramLabel = "STATE", description = "issued, redeemed, expired or void (default: all)")
        CouponState status;

        @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "at most N coupons (default 50, up to 1000)")
        int limit;

        @Option(names = "--offset", defaultValue = "0", paramLabel = "N", description = "skip the N newest (for the next page)")
        int offset;

        @Option(names = "--as", required = true, paramLabel = "USER")
        String as;

        @Override
        public Integer call() {
            // check the page before asking for the password
            Texts.requireRange("limit", limit, 1, CouponService.MAX_PAGE);
            Texts.requireRange("offset", offset, 0, Integer.MAX_VALUE);
            CouponPage page = context().coupons().list(login(as), status, offset, limit);
            if (json) {
                out().println(Json.write(page));
                return Cli.OK;
            }
            out().printf("%-7s %-12s %-10s %-8s %-16s %s%n", "CODE", "VALUE", "EXPIRES", "STATE", "ISSUED", "REDEEMED / VOIDED");
            for (CouponListing c : page.coupons()) {
                String what = c.redeemedAt() != null ? when(c.redeemedAt()) + " at " + c.redeemedTill()
                        : c.voidedAt() != null ? when(c.voidedAt()) : "";
                out().printf("%-7s %-12s %-10s %-8s %-16s %s%n", "…" + c.hint(), c.discount().describe(),
                        c.expiresOn() == null ? "-" : c.expiresOn().toString(), c.state().name().toLowerCase(Locale.ROOT),
                        when(c.issuedAt()), what);
            }
            long shownTo = offset + (long) page.coupons().size();
            out().println(page.coupons().isEmpty() ? "no coupons" + (offset > 0 ? " past " + offset : "") + " (" + page.total() + " in all)"
                    : (offset + 1) + "–" + shownTo + " of " + page.total() + (page.hasMore() ? "; --offset " + shownTo + " for more" : ""));
            return Cli.OK;
        }

        private static String when(Instant at) {
            return WHEN.format(at.atZone(ZoneId.systemDefault()));
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
