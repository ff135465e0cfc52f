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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweet", description = "The catalogue.", subcommands = {SweetCommand.Add.class, SweetCommand.ListSweets.class,
        SweetCommand.Edit.class, SweetCommand.Deactivate.class, SweetCommand.Import.class})
final class SweetCommand extends CliCommand.Group {

    @Command(name = "add", description = "Adds a sweet to the catalogue (its SKU is also its barcode).")
    static final class Add extends CliCommand {

        @Option(names = "--sku", required = true, paramLabel = "SKU")
        String sku;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--price", required = true, paramLabel = "PRICE", description = "e.g. 1.20")
        String price;

        @Option(names = "--stock", defaultValue = "0", paramLabel = "N", description = "opening stock (default 0)")
        int stock;

        @Option(names = "--category", paramLabel = "C", description = "default: Sweets")
        String category;

        @Option(names = "--reorder-level", defaultValue = "0", paramLabel = "N")
        int reorderLevel;

        @Option(names = "--as", required = true, paramLabel = "USER")
        String as;

        @Override
        public Integer call() {
            NewSweet request = new NewSweet(sku, name, category, Money.parse("price", price), stock, reorderLevel);
            // check the input before asking for the password
            SweetView added = context().catalog().add(login(as), request, cli().config().terminal());
            out().println("added " + added.sku() + " " + added.name() + " at " + Money.format(added.price())
                    + ", " + added.stock() + " in stock");
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "Lists the catalogue.")
    static final class ListSweets extends JsonCommand {


        @Override
        public Integer call() {
            List<SweetView> sweets = context().catalog().list();
            if (json) {
                out().println(Json.write(sweets));
                return Cli.OK;
            }
            out().printf("%-16s %-30s %-14s %9s %7s%n", "SKU", "NAME", "CATEGORY", "PRICE", "STOCK");
            for (SweetView s : sweets) {
                out().printf("%-16s %-30s %-14s %9s %7d%s%n", s.sku(), s.name(), s.category(), Money.format(s.price()),
                        s.stock(), !s.active() ? "  (off sale)" : s.low() ? "  (low)" : "");
            }
            return Cli.OK;
        }
    }

    @Command(name = "edit", description = {"Changes a sweet's name, category, price, reorder level or SKU (barcode).",
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

        @Option(names = "--as", required = true, paramLabel = "USER")
        String as;

        @Override
        public Integer call() {
            SweetEdit changes = new SweetEdit(newSku, name, category, price == null ? null : Money.parse("price", price), reorderLevel);
            if (changes.empty()) {
                throw new InvalidInputException("changes", "nothing to change: give --name, --category, --price, --reorder-level or --new-sku");
            }
            SweetView edited = context().catalog().edit(login(as), sku, changes, cli().config().terminal());
            if (json) {
                out().println(Json.write(edited));
            } else {
                out().println("edited " + edited.sku() + " " + edited.name() + " (" + edited.category() + ") at "
                        + Money.format(edited.price()) + ", reorder level " + edited.reorderLevel());
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

    @Command(name = "import", description = {"Adds the sweets of a CSV file (UTF-8, header sku,name,category,price,stock,reorder_level).",
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
