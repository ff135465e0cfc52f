package org.sweetshop.cli;

import org.sweetshop.stock.StockChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "restock", description = "Adds delivered stock of a sweet.")
final class RestockCommand extends CliCommand {

    @Option(names = "--sku", required = true, paramLabel = "SKU")
    String sku;

    @Option(names = "--qty", required = true, paramLabel = "N")
    int quantity;

    @Option(names = "--reason", paramLabel = "TEXT", description = "e.g. the supplier's delivery note")
    String reason;

    @Option(names = "--as", required = true, paramLabel = "USER")
    String as;

    @Override
    public Integer call() {
        StockChange change = context().stock().restock(login(as), sku, quantity, cli().config().terminal(), reason);
        out().println("restocked " + change.sku() + " " + change.name() + ": +" + change.change() + ", now "
                + change.stockAfter() + " in stock");
        return Cli.OK;
    }
}
