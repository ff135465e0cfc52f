package org.sweetshop.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.sweetshop.common.Texts;
import org.sweetshop.report.ReportCsv;
import org.sweetshop.report.ReportService;
import org.sweetshop.report.SalesReport;
import org.sweetshop.report.TaxReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", description = "Reports for managers.", subcommands = {ReportCommand.Sales.class, ReportCommand.Tax.class})
final class ReportCommand extends CliCommand.Group {

    @Command(name = "sales", description = {"The sales of the days FROM to TO (both included, store time): sales, gross,",
            "discounts, net, cash and card, by till and the top sweets. --json prints the whole report",
            "(also by hour, by day, by cashier, coupons, promos, stock valuation, Z reports);",
            "--csv saves one of its tables (--table, default summary) as a CSV file."})
    static final class Sales extends JsonCommand {

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "first day")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "last day (included)")
        LocalDate to;

        @Option(names = "--csv", paramLabel = "FILE", description = "save a table of the report as CSV (replaces FILE)")
        Path csv;

        @Option(names = "--table", paramLabel = "NAME", defaultValue = "summary",
                description = "the table --csv saves: summary, by-hour, by-day, top-sweets, by-till, by-cashier, coupons, promos,"
                        + " stock, shifts, taxes (default: ${DEFAULT-VALUE})")
        String table;

        @Option(names = "--top", paramLabel = "N", defaultValue = "10",
                description = "top sweets printed, of the counted and of the weighed ones each (default: ${DEFAULT-VALUE})")
        int top;

        @Option(names = "--as", required = true, paramLabel = "USER", description = "a manager or owner")
        String as;

        @Override
        public Integer call() {
            if (json && csv != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--json and --csv cannot be used together");
            }
            // refuse what is wrong before logging in and reading the database
            ReportService.requireRange(from, to);
            ReportCsv.Table csvTable = ReportCsv.Table.parse(table);
            Texts.requireRange("top", top, 0, 1000);
            if (csv != null) {
                ReportCsv.checkTarget(csv);
            }
            SalesReport report = context().reports().sales(login(as), from, to);
            if (json) {
                out().println(Json.write(report));
                return Cli.OK;
            }
            print(report);
            if (csv != null) {
                ReportCsv.write(report, csvTable, csv);
                out().println("saved the " + csvTable.id() + " table (" + ReportCsv.rows(report, csvTable).size() + " rows) to "
                        + csv.toAbsolutePath().normalize());
            }
            return Cli.OK;
        }

        private void print(SalesReport report) {
            var out = out();
            var s = report.summary();
            out.println("sales " + report.from() + " to " + report.to() + " (" + report.zone().getId() + ")");
            out.printf("%-18s %12d%n", "sales", s.sales());
            out.printf("%-18s %12d%n", "units", s.units());
            if (s.grams() > 0) {
                out.printf("%-18s %12s%n", "weight sold", s.kilograms());
            }
            out.printf("%-18s %12s%n", "gross", money(s.gross()));
            out.printf("%-18s %12s%n", "coupon discounts", minus(s.couponDiscounts()));
            out.printf("%-18s %12s%n", "promo discounts", minus(s.promoDiscounts()));
            out.printf("%-18s %12s%n", "net", money(s.net()));
            out.printf("%-18s %12s%n", "  cash", money(s.cash()));
            out.printf("%-18s %12s%n", "  card", money(s.card()));
            if (s.refunds() > 0) {
                out.printf("%-18s %12s  (%d refund%s made in these days)%n", "refunded", minus(s.refunded()), s.refunds(),
                        s.refunds() == 1 ? "" : "s");
                out.printf("%-18s %12s%n", "net after refunds", money(s.netAfterRefunds()));
            }
            if (!report.byTill().isEmpty()) {
                out.printf("%n%-18s %7s %11s %11s %11s%n", "by till", "sales", "gross", "discounts", "net");
                for (var t : report.byTill()) {
                    out.printf("%-18s %7d %11s %11s %11s%n", t.till(), t.sales(), money(t.gross()), money(t.discounts()), money(t.net()));
                }
            }
            if (!report.taxes().isEmpty()) {
                out.printf("%n%-18s %11s %11s %11s%n", "tax by rate", "net", "tax", "gross");
                for (var t : report.taxes()) {
                    out.printf("%-18s %11s %11s %11s%n", t.code() + " " + t.percent(), money(t.net()), money(t.tax()), money(t.gross()));
                }
                for (var t : report.refundTaxes()) {
                    out.printf("%-18s %11s %11s %11s%n", "refunded " + t.code(), minus(t.net()), minus(t.tax()), minus(t.gross()));
                }
            }
            var counted = report.topSweets().stream().filter(w -> !w.soldBy().weighed()).limit(top).toList();
            if (!counted.isEmpty()) {
                out.printf("%n%-18s %-24s %7s %11s%n", "top sweets", "", "units", "revenue");
                counted.forEach(w -> out.printf("%-18s %-24s %7d %11s%n", w.sku(), cut(w.name(), 24), w.units(), money(w.revenue())));
            }
            // weighed sweets by grams, shown in kilograms: a gram and a piece do not compare
            var weighed = report.topSweets().stream().filter(w -> w.soldBy().weighed()).limit(top).toList();
            if (!weighed.isEmpty()) {
                out.printf("%n%-18s %-21s %10s %11s%n", "top weighed sweets", "", "sold", "revenue");
                weighed.forEach(w -> out.printf("%-18s %-21s %10s %11s%n", w.sku(), cut(w.name(), 21), w.sold(), money(w.revenue())));
            }
        }

        private static String cut(String name, int width) {
            return name.length() <= width ? name : name.substring(0, width - 1) + "~";
        }

        private static String minus(BigDecimal amount) {
            return (amount.signum() > 0 ? "-" : "") + money(amount);
        }
    }

    @Command(name = "tax", description = {"The tax of the days FROM to TO (both included, store time), per rate: what the",
            "receipts charged (net, tax, gross), what the refunds made in those days reversed, and what is left.",
            "The gross of the rates is the sum of the receipts' totals. --json prints it; --csv saves it as a CSV file."})
    static final class Tax extends JsonCommand {

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "first day")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "last day (included)")
        LocalDate to;

        @Option(names = "--csv", paramLabel = "FILE", description = "save the report as CSV (replaces FILE)")
        Path csv;

        @Option(names = "--as", required = true, paramLabel = "USER", description = "a manager or owner")
        String as;

        @Override
        public Integer call() {
            if (json && csv != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--json and --csv cannot be used together");
            }
            ReportService.requireRange(from, to);
            if (csv != null) {
                ReportCsv.checkTarget(csv);
            }
            TaxReport report = context().reports().taxes(login(as), from, to);
            if (json) {
                out().println(Json.write(report));
                return Cli.OK;
            }
            var out = out();
            out.println("tax " + report.from() + " to " + report.to() + " (" + report.zone().getId() + "): " + report.receipts()
                    + " receipts, " + money(report.receiptsTotal()) + "; " + report.refunds() + " refunds, " + money(report.refunded()));
            out.printf("%-14s %10s %10s %10s %10s %10s %10s%n", "rate", "net", "tax", "gross", "ref. net", "ref. tax", "ref. gross");
            for (TaxReport.Rate r : report.rates()) {
                row(r.code() + " " + r.percent(), r);
            }
            row("total", report.total());
            if (csv != null) {
                ReportCsv.write(report, csv);
                out.println("saved the tax report (" + (report.rates().size() + 1) + " rows) to " + csv.toAbsolutePath().normalize());
            }
            return Cli.OK;
        }

        private void row(String label, TaxReport.Rate r) {
            out().printf("%-14s %10s %10s %10s %10s %10s %10s%n", label, money(r.net()), money(r.tax()), money(r.gross()),
                    money(r.refundedNet()), money(r.refundedTax()), money(r.refundedGross()));
        }
    }
}
