package org.sweetshop.cli;

import org.sweetshop.catalog.Sweet;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.stock.StockChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stocktake", description = {"Sets a sweet's stock to what was counted (a weighed sweet's as a weight: 1200g);",
        "the difference becomes an adjustment."})
final class StocktakeCommand extends JsonCommand {

    @Option(names = "--sku", required = true, paramLabel = "SKU")
    String sku;

    @Option(names = "--counted", required = true, paramLabel = "N|1200g")
    String counted;

    @Option(names = "--reason", paramLabel = "TEXT")
    String reason;

    @Option(names = "--as", required = true, paramLabel = "USER")
    String as;

    @Override
    public Integer call() {
        Arguments.amountText("--counted", counted);
        SweetView sweet = context().catalog().find(sku);
        int count = Arguments.amount("--counted", "counted quantity", counted, sweet.soldBy(), 0, Sweet.MAX_STOCK);
        StockChange change = context().stock().stocktake(login(as), sku, count, cli().config().terminal(), reason);
        if (json) {
            out().println(Json.write(change));
        } else {
            int difference = change.change();
            out().println("stocktake " + change.sku() + " " + change.name() + ": counted " + RestockCommand.amount(change.stockAfter(), change)
                    + ", adjustment " + (difference > 0 ? "+" : difference < 0 ? "-" : "") + RestockCommand.amount(Math.abs(difference), change));
        }
        return Cli.OK;
    }
}
