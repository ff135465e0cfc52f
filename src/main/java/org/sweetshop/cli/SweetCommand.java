package org.sweetshop.cli;

import java.util.List;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sweet", description = "The catalogue.", subcommands = {SweetCommand.Add.class, SweetCommand.ListSweets.class})
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
}
