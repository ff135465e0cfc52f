package org.sweetshop.cli;

import org.sweetshop.stock.StockChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stocktake", description = "Sets a sweet's stock to what was counted; the difference becomes an adjustment.")
final class StocktakeCommand extends JsonCommand {

    @Option(names = "--sku", required = true, paramLabel = "SKU")
    String sku;

    @Option(names = "--counted", required = true, paramLabel = "N")
    int counted;

    @Option(names = "--reason", paramLabel = "TEXT")
    String reason;

    @Option(names = "--as", required = true, paramLabel = "USER")
    String as;

    @Override
    public Integer call() {
        StockChange change = context().stock().stocktake(login(as), sku, counted, cli().config().terminal(), reason);
        if (json) {
            out().println(Json.write(change));
        } else {
            out().println("stocktake " + change.sku() + " " + change.name() + ": counted " + change.stockAfter()
                    + ", adjustment " + (change.change() > 0 ? "+" : "") + change.change());
        }
        return Cli.OK;
    }
}
