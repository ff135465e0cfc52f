package org.sweetshop.cli;

import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.stock.StockChange;
import org.sweetshop.stock.StockService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "restock", description = "Adds delivered stock of a sweet: a count, or a weight (250g, 5kg) for a weighed sweet.")
final class RestockCommand extends CliCommand {

    @Option(names = "--sku", required = true, paramLabel = "SKU")
    String sku;

    @Option(names = "--qty", required = true, paramLabel = "N|250g|5kg")
    String quantity;

    @Option(names = "--reason", paramLabel = "TEXT", description = "e.g. the supplier's delivery note")
    String reason;

    @Option(names = "--as", required = true, paramLabel = "USER")
    String as;

    @Override
    public Integer call() {
        Arguments.amountText("--qty", quantity);
        // the sweet's kind says what the quantity counts (a bare number of a weighed sweet is refused)
        SweetView sweet = context().catalog().find(sku);
        int qty = Arguments.amount("--qty", "quantity", quantity, sweet.soldBy(), 1, StockService.maxRestock(sweet.soldBy()));
        StockChange change = context().stock().restock(login(as), sku, qty, cli().config().terminal(), reason);
        out().println("restocked " + change.sku() + " " + change.name() + ": +" + amount(change.change(), change) + ", now "
                + amount(change.stockAfter(), change) + " in stock");
        return Cli.OK;
    }

    /** A count as before, a weight as {@code 250 g} / {@code 1.250 kg}. */
    static String amount(int quantity, StockChange change) {
        return change.weighed() ? Quantity.format(quantity, SoldBy.WEIGHED) : Integer.toString(quantity);
    }
}
