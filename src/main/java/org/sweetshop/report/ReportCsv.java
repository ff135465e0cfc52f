package org.sweetshop.report;

import org.sweetshop.common.ReportExportException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.TaxLine;
import org.sweetshop.common.Texts;
import org.sweetshop.shift.ZReport;

/**
 * Each table of a {@link SalesReport} as CSV: RFC 4180 (comma, CRLF, quotes where needed), UTF-8,
 * a header row of snake_case names, amounts with a dot and two decimals, dates ISO
 * ({@code 2026-11-23}), times ISO with the store's offset ({@code 2026-11-23T09:00:00Z} or
 * {@code 2026-11-23T09:00:00+01:00}). The back office's screens and the command line export through here.
 *
 * <p>Quantities are in each sweet's unit, named in a {@code unit} column ({@code pcs} or {@code g}):
 * a weighed sweet's {@code units} and {@code stock} are whole grams, its {@code price} per kilogram.
 * The summary's {@code units} are pieces and its {@code grams} the weight sold: never added together.
 * New columns go at the end, so a script reading the old columns by position keeps working.
 */
public final class ReportCsv {

    private static final Logger LOG = LoggerFactory.getLogger(ReportCsv.class);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    /** The tables of a sales report, each one CSV file. */
    public enum Table {
        SUMMARY, BY_HOUR, BY_DAY, TOP_SWEETS, BY_TILL, BY_CASHIER, COUPONS, PROMOS, STOCK, SHIFTS, TAXES;

        /** The name on the command line and in file names: {@code top-sweets}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The table named {@code id} ({@code top-sweets}, case ignored); refuses an unknown name, listing the known ones. */
        public static Table parse(String id) {
            String text = id == null ? "" : id.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Table table : values()) {
                if (table.name().equals(text)) {
                    return table;
                }
            }
            throw new InvalidInputException("table", "no report table '" + Texts.shorten(id == null ? "" : id) + "': one of "
                    + String.join(", ", Arrays.stream(values()).map(Table::id).toList()));
        }
    }

    private ReportCsv() {
    }

    /** The header row of {@code table}. */
    public static List<String> header(Table table) {
        return switch (table) {
            case SUMMARY -> List.of("from", "to", "time_zone", "sales", "units", "gross", "coupon_discounts", "promo_discounts",
                    "discounts", "net", "cash", "card", "refunds", "refunded", "net_after_refunds", "grams");
            case BY_HOUR -> List.of("hour", "sales", "gross", "net");
            case BY_DAY -> List.of("day", "sales", "gross", "discounts", "net");
            case TOP_SWEETS -> List.of("rank", "sku", "name", "units", "revenue", "unit");
            case BY_TILL -> List.of("till", "sales", "gross", "discounts", "net", "cash", "card");
            case BY_CASHIER -> List.of("cashier", "sales", "gross", "discounts", "net");
            case COUPONS -> List.of("kind", "value", "coupon", "coupons", "discount");
            case PROMOS -> List.of("code", "sales", "discount");
            case STOCK -> List.of("sku", "name", "category", "active", "stock", "price", "value", "unit");
            case SHIFTS -> List.of("shift", "till", "opened_by", "opened_at", "closed_by", "closed_at", "sales", "gross",
                    "coupon_discounts", "promo_discounts", "net", "cash_sales", "card_sales", "opening_float", "cash_expected",
                    "counted_cash", "difference", "first_receipt", "last_receipt");
            case TAXES -> List.of("kind", "code", "name", "rate", "net", "tax", "gross");
        };
    }

    /** The data rows of {@code table}, as text exactly as written to the file. */
    public static List<List<String>> rows(SalesReport report, Table table) {
        ZoneId zone = report.zone();
        return switch (table) {
            case SUMMARY -> {
                var s = report.summary();
                yield List.of(List.of(report.from().toString(), report.to().toString(), zone.getId(), Long.toString(s.sales()),
                        Long.toString(s.units()), money(s.gross()), money(s.couponDiscounts()), money(s.promoDiscounts()),
                        money(s.discounts()), money(s.net()), money(s.cash()), money(s.card()), Long.toString(s.refunds()),
                        money(s.refunded()), money(s.netAfterRefunds()), Long.toString(s.grams())));
            }
            case BY_HOUR -> map(report.byHour(), h -> List.of(Integer.toString(h.hour()), Long.toString(h.sales()), money(h.gross()),
                    money(h.net())));
            case BY_DAY -> map(report.byDay(), d -> List.of(d.day().toString(), Long.toString(d.sales()), money(d.gross()),
                    money(d.discounts()), money(d.net())));
            case TOP_SWEETS -> {
                List<List<String>> rows = new ArrayList<>();
                int rank = 0;
                for (var s : report.topSweets()) {
                    rows.add(List.of(Integer.toString(++rank), s.sku(), s.name(), Long.toString(s.units()), money(s.revenue()), s.unit()));
                }
                yield rows;
            }
            case BY_TILL -> map(report.byTill(), t -> List.of(t.till(), Long.toString(t.sales()), money(t.gross()),
                    money(t.discounts()), money(t.net()), money(t.cash()), money(t.card())));
            case BY_CASHIER -> map(report.byCashier(), c -> List.of(c.username(), Long.toString(c.sales()), money(c.gross()),
                    money(c.discounts()), money(c.net())));
            case COUPONS -> map(report.couponDiscounts(), c -> List.of(c.kind(), money(c.value()), c.describe(),
                    Long.toString(c.coupons()), money(c.discount())));
            case PROMOS -> map(report.promoDiscounts(), p -> List.of(p.code(), Long.toString(p.sales()), money(p.discount())));
            case STOCK -> map(report.stock().lines(), l -> List.of(l.sku(), l.name(), l.category(), Boolean.toString(l.active()),
                    Integer.toString(l.stock()), money(l.price()), money(l.value()), l.unit()));
            case SHIFTS -> map(report.shifts(), z -> shift(z, zone));
            case TAXES -> {
                List<List<String>> rows = new ArrayList<>();
                report.taxes().forEach(t -> rows.add(tax("sales", t)));
                report.refundTaxes().forEach(t -> rows.add(tax("refunds", t)));
                yield rows;
            }
        };
    }

    private static List<String> tax(String kind, TaxLine t) {
        return List.of(kind, t.code(), t.name(), t.rate().toPlainString(), money(t.net()), money(t.tax()), money(t.gross()));
    }

    /** The columns of the tax report's CSV file: one row per rate, then {@code TOTAL}. */
    public static final List<String> TAX_HEADER = List.of("from", "to", "code", "name", "rate", "net", "tax", "gross",
            "refunded_net", "refunded_tax", "refunded_gross", "net_after_refunds", "tax_after_refunds", "gross_after_refunds");

    /** The tax report's rows, as written to its file: each rate, then the total (code {@code TOTAL}, no rate). */
    public static List<List<String>> rows(TaxReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (TaxReport.Rate r : report.rates()) {
            rows.add(taxRow(report, r));
        }
        rows.add(taxRow(report, report.total()));
        return rows;
    }

    private static List<String> taxRow(TaxReport report, TaxReport.Rate r) {
        return List.of(report.from().toString(), report.to().toString(), r.code(), r.name(), r.rate() == null ? "" : r.rate().toPlainString(),
                money(r.net()), money(r.tax()), money(r.gross()), money(r.refundedNet()), money(r.refundedTax()),
                money(r.refundedGross()), money(r.netAfterRefunds()), money(r.taxAfterRefunds()), money(r.grossAfterRefunds()));
    }

    /** Saves the tax report to {@code file}, as {@link #write(SalesReport, Table, Path)} saves a table. */
    public static void write(TaxReport report, Path file) {
        write(TAX_HEADER, rows(report), file, "tax report " + report.from() + " to " + report.to());
    }

    /**
     * Saves {@code table} of {@code report} to {@code file}, replacing a file of that name. It is
     * written to a hidden temporary file in the same folder, flushed to disk, then moved into place:
     * a failure leaves the old file or none, never half a report.
     *
     * @throws ReportExportException the folder is missing or cannot be written, or the name is a folder
     */
    public static void write(SalesReport report, Table table, Path file) {
        write(header(table), rows(report, table), file, "the " + table.id() + " of the report " + report.from() + " to " + report.to());
    }

    private static void write(List<String> header, List<List<String>> rows, Path file, String what) {
        Path target = checkTarget(file);
        Path temp = target.getParent().resolve(".sweetshop-" + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                Writer writer = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, FORMAT);
                printer.printRecord(header);
                printer.printRecords(rows);
                printer.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.info("saved {} in {}", what, target);
        } catch (AccessDeniedException e) {
            throw refused(target, "no permission to write in " + target.getParent(), e);
        } catch (NoSuchFileException e) {
            throw refused(target, "the folder " + target.getParent() + " does not exist", e);
        } catch (FileSystemException e) {
            throw refused(target, e.getReason() == null ? "could not write in " + target.getParent() : lowerFirst(e.getReason()), e);
        } catch (IOException e) {
            throw refused(target, "could not write in " + target.getParent() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.warn("could not remove the temporary file {}", temp, e);
            }
        }
    }

    /**
     * Refuses, before any work, a target that cannot be a CSV file: no file name, a folder, a
     * folder that does not exist or cannot be written. Returns the absolute target.
     */
    public static Path checkTarget(Path file) {
        Objects.requireNonNull(file, "file");
        Path target = file.toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (folder == null || target.getFileName() == null) {
            throw new ReportExportException(target, "that is not a file name");
        }
        if (Files.isDirectory(target)) {
            throw new ReportExportException(target, target + " is a folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new ReportExportException(target, Files.exists(folder) ? folder + " is not a folder"
                    : "the folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new ReportExportException(target, "no permission to write in " + folder);
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new ReportExportException(target, target + " is read-only");
        }
        return target;
    }

    private static ReportExportException refused(Path target, String reason, IOException cause) {
        LOG.info("could not save {}", target, cause);
        return new ReportExportException(target, reason);
    }

    private static List<String> shift(ZReport z, ZoneId zone) {
        return List.of(Long.toString(z.shiftId()), z.till(), z.openedBy(), time(z.openedAt(), zone), z.closedBy(),
                time(z.closedAt(), zone), Integer.toString(z.sales()), money(z.gross()), money(z.couponDiscounts()),
                money(z.promoDiscounts()), money(z.net()), money(z.cashSales()), money(z.cardSales()), money(z.openingFloat()),
                money(z.cashExpected()), money(z.countedCash()), money(z.difference()),
                z.firstReceipt() == null ? "" : z.firstReceipt(), z.lastReceipt() == null ? "" : z.lastReceipt());
    }

    private static String time(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    private static String money(BigDecimal amount) {
        return Money.format(amount);
    }

    private static <T> List<List<String>> map(List<T> items, Function<T, List<String>> row) {
        return items.stream().map(row).toList();
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
