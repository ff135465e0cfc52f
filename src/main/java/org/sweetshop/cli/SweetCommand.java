package org.sweetshop.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweetshop.catalog.CatalogImport;
import org.sweetshop.catalog.SweetEdit;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Money;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.catalog.CatalogService;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweet", description = "The catalogue.", subcommands = {SweetCommand.Add.class, SweetCommand.ListSweets.class,
        SweetCommand.Edit.class, SweetCommand.Deactivate.class, SweetCommand.Import.class, SweetCommand.Barcode.class})
final class SweetCommand extends CliCommand.Group {

    @Command(name = "add", description = {"Adds a sweet to the catalogue: counted (--price per piece) or weighed (--per-kg).",
            "A weighed sweet's stock and reorder level are weights (2500g, 2.5kg)."})
    static final class Add extends CliCommand {

        @Option(names = "--sku", required = true, paramLabel = "SKU")
        String sku;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--price", paramLabel = "PRICE", description = "per piece, e.g. 1.20")
        String price;

        @Option(names = "--per-kg", paramLabel = "PRICE", description = "a weighed sweet's price per kg, e.g. 14.99")
        String perKg;

        @Option(names = "--stock", defaultValue = "0", paramLabel = "N|2500g", description = "opening stock (default 0)")
        String stock;

        @Option(names = "--category", paramLabel = "C", description = "default: Sweets")
        String category;

        @Option(names = "--reorder-level", defaultValue = "0", paramLabel = "N|500g")
        String reorderLevel;

        @Option(names = "--plu", paramLabel = "NNNNN", description = "the PLU a label scale prints (1 to 99999)")
        String plu;

        @Option(names = "--barcode", paramLabel = "CODE", arity = "1..*", description = "product barcodes (EAN-13, EAN-8, UPC-A)")
        List<String> barcodes;

        @Option(names = "--tax", paramLabel = "CODE", description = "its tax rate's code (tax list); default: the store's default rate")
        String tax;

        @Option(names = "--as", required = true, paramLabel = "USER")
        String as;

        @Override
        public Integer call() {
            if ((price == null) == (perKg == null)) {
                throw new InvalidInputException("price", "give --price (per piece) or --per-kg (a weighed sweet), one of them");
            }
            SoldBy soldBy = perKg != null ? SoldBy.WEIGHED : SoldBy.COUNTED;
            BigDecimal money = Money.parse(soldBy.weighed() ? "price per kg" : "price", soldBy.weighed() ? perKg : price);
            int opening = upToOpeningStock("--stock", "stock", stock, soldBy);
            int reorder = upToOpeningStock("--reorder-level", "reorder level", reorderLevel, soldBy);
            Integer checkedPlu = plu == null ? null : CatalogService.requirePlu(ImportPlu.parse(plu));
            NewSweet request = new NewSweet(sku, name, category, money, opening, reorder, soldBy, checkedPlu,
                    barcodes == null ? List.of() : barcodes, tax);
            // check the input before asking for the password
            SweetView added = context().catalog().add(login(as), request, cli().config().terminal());
            out().println("added " + added.sku() + " " + added.name() + " at " + Money.format(added.price())
                    + (added.weighed() ? "/kg, " + Quantity.format(added.stock(), added.soldBy()) : ", " + added.stock()) + " in stock"
                    + (added.plu() == null ? "" : ", PLU " + String.format("%05d", added.plu()))
                    + (barcodes == null || barcodes.isEmpty() ? "" : ", barcodes " + String.join(" ", barcodes))
                    + (tax == null ? "" : ", tax " + added.taxCode()));
            return Cli.OK;
        }

        /** {@code 0} is nothing in any unit; any other amount in the sweet's unit. */
        private static int upToOpeningStock(String option, String field, String text, SoldBy soldBy) {
            return Arguments.amount(option, field, text, soldBy, 0, CatalogService.MAX_OPENING_STOCK);
        }
    }

    /** A PLU as typed: up to 5 digits. */
    static final class ImportPlu {
        private ImportPlu() {
        }

        static long parse(String text) {
            String t = text.strip();
            if (!t.matches("\\d{1,5}")) {
                throw new InvalidInputException("PLU", "a PLU is 1 to 5 digits, not '" + org.sweetshop.common.Texts.shorten(t) + "'");
            }
            return Long.parseLong(t);
        }
    }

    @Command(name = "barcode", description = "A sweet's product barcodes.", subcommands = Barcode.AddBarcode.class)
    static final class Barcode extends CliCommand.Group {

        @Command(name = "add", description = {"Adds a product barcode (EAN-13, EAN-8, UPC-A) to a counted sweet.",
                "Each barcode is on one sweet; a code in the scale-label range is refused."})
        static final class AddBarcode extends CliCommand {

            @Parameters(index = "0", paramLabel = "SKU")
            String sku;

            @Parameters(index = "1", paramLabel = "CODE")
            String code;

            @Option(names = "--as", required = true, paramLabel = "USER")
            String as;

            @Override
            public Integer call() {
                String kept = context().catalog().addBarcode(login(as), sku, code, cli().config().terminal());
                out().println("barcode " + kept + " added to " + sku);
                return Cli.OK;
            }
        }
    }

    @Command(name = "list", description = "Lists the catalogue.")
    static final class ListSweets extends JsonCommand {


        @Override
        public Integer call() {
            List<SweetView> sweets = context().catalog().list();
            if (json) {
                out().println(Json.write(sweets.stream().map(SweetCommand::json).toList()));
                return Cli.OK;
            }
            out().printf("%-16s %-30s %-14s %9s %10s%n", "SKU", "NAME", "CATEGORY", "PRICE", "STOCK");
            for (SweetView s : sweets) {
                out().printf("%-16s %-30s %-14s %9s %10s%s%n", s.sku(), s.name(), s.category(),
                        Money.format(s.price()) + (s.weighed() ? "/kg" : ""), Quantity.format(s.stock(), s.soldBy()),
                        !s.active() ? "  (off sale)" : s.low() ? "  (low)" : "");
            }
            return Cli.OK;
        }
    }

    /** A sweet for scripts: its fields, {@code stock} in its own unit and that {@code unit} ({@code pcs} or {@code g}). */
    static Map<String, Object> json(SweetView s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("sku", s.sku());
        m.put("name", s.name());
        m.put("category", s.category());
        m.put("price", s.price());
        m.put("stock", s.stock());
        m.put("reorderLevel", s.reorderLevel());
        m.put("active", s.active());
        m.put("soldBy", s.soldBy());
        m.put("plu", s.plu());
        m.put("tax", s.taxCode());
        m.put("unit", s.soldBy().unit());
        m.put("pricePer", s.weighed() ? "kg" : "piece");
        return m;
    }

    @Command(name = "edit", description = {"Changes a sweet's name, category, price, reorder level, SKU (barcode), PLU or tax rate.",
            "Each change is recorded in the audit log with its old and new value."})
    static final class Edit extends JsonCommand {

        @Parameters(paramLabel = "SKU", description = "the sweet's current SKU")
        String sku;

        @Option(names = "--name", paramLabel = "NAME")
        String name;

        @Option(names = "--category", paramLabel = "C")
        String category;

        @Option(names = "--price", paramLabel = "PRICE", description = "e.g. 1.20")
        String price;

        @Option(names = "--reorder-level", paramLabel = "N")
        Integer reorderLevel;

        @Option(names = "--new-sku", paramLabel = "SKU", description = "a new SKU; sales and stock history stay with the sweet")
        String newSku;

        @Option(names = "--plu", paramLabel = "NNNNN|none", description = "the PLU a label scale prints, or none to clear it")
        String plu;

        @Option(names = "--tax", paramLabel = "CODE", description = "another tax rate (tax list); its past sales keep theirs")
        String tax;

        @Option(names = "--as", required = true, paramLabel = "USER")
        String as;

        @Override
        public Integer call() {
            SweetEdit changes = new SweetEdit(newSku, name, category, price == null ? null : Money.parse("price", price), reorderLevel,
                    tax);
            if (changes.empty() && plu == null) {
                throw new InvalidInputException("changes", "nothing to change: give --name, --category, --price, --reorder-level,"
                        + " --new-sku, --plu or --tax");
            }
            Integer newPlu = plu == null || plu.strip().equalsIgnoreCase("none") ? null : CatalogService.requirePlu(ImportPlu.parse(plu));
            var caller = login(as);
            SweetView edited = changes.empty() ? null : context().catalog().edit(caller, sku, changes, cli().config().terminal());
            if (plu != null) {
                edited = context().catalog().changePlu(caller, edited == null ? sku : edited.sku(), newPlu, cli().config().terminal());
            }
            if (json) {
                out().println(Json.write(edited));
            } else {
                out().println("edited " + edited.sku() + " " + edited.name() + " (" + edited.category() + ") at "
                        + Money.format(edited.price()) + ", reorder level " + edited.reorderLevel() + (tax == null ? "" : ", tax " + edited.taxCode()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "deactivate", description = "Takes a sweet off sale. Sweets are never deleted: their sales and stock history stay.")
    static final class Deactivate extends CliCommand {

        @Parameters(paramLabel = "SKU")
        String sku;

        @Option(names = "--as", required = true, paramLabel = "USER")
        String as;

        @Override
        public Integer call() {
            SweetView off = context().catalog().deactivate(login(as), sku);
            out().println(off.sku() + " " + off.name() + " is off sale");
            return Cli.OK;
        }
    }

    @Command(name = "import", description = {"Adds the sweets of a CSV file (UTF-8, header sku,name,category,price,stock,reorder_level, optionally then"
            + " unit (pcs|g: price per kg, stock in grams), plu, barcodes (separated by spaces or |), tax (a rate's code; blank: the default)).",
            "Only new SKUs; every bad value is listed by row and column, and nothing is imported when any row is bad (exit 2)."})
    static final class Import extends JsonCommand {

        @Parameters(paramLabel = "FILE")
        String file;

        @Option(names = "--dry-run", description = "check the file only")
        boolean dryRun;

        @Option(names = "--as", paramLabel = "USER", description = "who imports (needed unless --dry-run)")
        String as;

        @Override
        public Integer call() {
            if (as == null && !dryRun) {
                throw new InvalidInputException("as", "--as USER is needed to import (or check the file with --dry-run)");
            }
            CatalogImport.Preview preview = ImportFiles.preview(file, context().catalogImport()::preview);
            if (!preview.ok()) {
                cli().err.println(ImportFiles.report(this, json, preview, "nothing imported"));
                return Cli.INVALID;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ok", true);
            result.put("dryRun", dryRun);
            result.put("rows", preview.rows());
            if (dryRun) {
                result.put("imported", 0);
                if (json) {
                    out().println(Json.write(result));
                } else {
                    out().println(preview.rows() + " rows checked, all valid: nothing imported (dry run)");
                }
                return Cli.OK;
            }
            CatalogImport.ImportResult imported = context().catalogImport().apply(login(as), preview, cli().config().terminal());
            if (json) {
                result.put("imported", imported.imported());
                result.put("skus", imported.skus());
                out().println(Json.write(result));
            } else {
                out().println("imported " + imported.imported() + " sweets");
            }
            return Cli.OK;
        }
    }
}
