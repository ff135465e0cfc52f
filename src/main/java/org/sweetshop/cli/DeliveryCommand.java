package org.sweetshop.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.stock.DeliveryImport;
import org.sweetshop.stock.StockChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delivery", description = "Deliveries from suppliers.", subcommands = DeliveryCommand.Import.class)
final class DeliveryCommand extends CliCommand.Group {

    @Command(name = "import", description = {"Restocks every line of a delivery file (CSV, header sku,qty; qty a count, or a weight such as 5kg for a weighed sweet),"
            + " all or nothing.",
            "Every bad line is listed; exits 2 and restocks nothing when any line is bad."})
    static final class Import extends JsonCommand {

        @Parameters(paramLabel = "FILE", description = "CSV file, UTF-8, header sku,qty")
        String file;

        @Option(names = "--dry-run", description = "check the file only")
        boolean dryRun;

        @Option(names = "--reason", paramLabel = "TEXT", description = "e.g. the supplier's delivery note (default: delivery)")
        String reason;

        @Option(names = "--as", paramLabel = "USER", description = "who restocks (needed unless --dry-run)")
        String as;

        @Override
        public Integer call() {
            if (as == null && !dryRun) {
                throw new InvalidInputException("as", "--as USER is needed to restock (or check the file with --dry-run)");
            }
            DeliveryImport.Preview preview = ImportFiles.preview(file, context().deliveryImport()::preview);
            if (!preview.ok()) {
                cli().err.println(ImportFiles.report(this, json, preview, "nothing restocked"));
                return Cli.INVALID;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ok", true);
            result.put("dryRun", dryRun);
            result.put("rows", preview.rows());
            if (dryRun) {
                if (json) {
                    out().println(Json.write(result));
                } else {
                    out().println(preview.rows() + " lines checked, all valid: nothing restocked (dry run)");
                }
                return Cli.OK;
            }
            DeliveryImport.DeliveryResult restocked = context().deliveryImport().apply(login(as), preview, cli().config().terminal(), reason);
            if (json) {
                result.put("units", restocked.units());
                result.put("grams", restocked.grams());
                result.put("changes", restocked.changes());
                out().println(Json.write(result));
            } else {
                for (StockChange change : restocked.changes()) {
                    out().println("restocked " + change.sku() + " " + change.name() + ": +" + RestockCommand.amount(change.change(), change)
                            + ", now " + RestockCommand.amount(change.stockAfter(), change) + " in stock");
                }
                out().println("delivery of " + restocked.changes().size() + " lines, " + restocked.units() + " units"
                        + (restocked.grams() > 0 ? ", " + restocked.grams() + " g" : ""));
            }
            return Cli.OK;
        }
    }
}
