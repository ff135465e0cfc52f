package org.sweetshop.cli;

import java.time.ZoneId;
import java.util.Optional;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.config.ConfigLoader;
import org.sweetshop.printer.PrinterSettings;
import org.sweetshop.printer.ReceiptPrinter;
import org.sweetshop.sale.Receipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "receipt", description = "Receipts already made.", subcommands = ReceiptCommand.Print.class)
final class ReceiptCommand extends CliCommand.Group {

    @Command(name = "print", description = {"Prints a receipt again on an ESC/POS receipt printer, marked REPRINT.",
            "The printer: --printer, else printer.uri in the till's sweetshop.properties (paper: printer.paper, 58 or 80).",
            "Exits 6 when the printer does not answer."})
    static final class Print extends CliCommand {

        @Parameters(index = "0", paramLabel = "RECEIPT", description = "the receipt number, e.g. T1-000001")
        String receipt;

        @Option(names = "--printer", paramLabel = "URI", description = {"tcp://HOST[:PORT], file:PATH, serial:PORT[?baud=N]"
                + " or os:PRINTER NAME"})
        String printer;

        @Override
        public Integer call() {
            PrinterSettings settings = settings(cli(), printer)
                    .orElseThrow(() -> new InvalidInputException("printer",
                            "no receipt printer: give --printer URI or set printer.uri in the till's sweetshop.properties"));
            Receipt found = context().sales().findReceipt(receipt)
                    .orElseThrow(() -> new NotFoundException("receipt", receipt, "no receipt " + receipt));
            try (ReceiptPrinter receiptPrinter = new ReceiptPrinter(settings)) {
                print(cli(), receiptPrinter, found, true);
            }
            out().println("printed receipt " + found.receiptNo() + " on " + settings.uri());
            return Cli.OK;
        }
    }

    /** The printer of {@code --printer URI} (when given) with the till's paper and timeouts, else the till's own. */
    static Optional<PrinterSettings> settings(Cli cli, String given) {
        return PrinterSettings.from(ConfigLoader.tillProperties(cli.config().dataDir()), given);
    }

    /** Prints {@code receipt} for this machine's store name, currency and zone, as {@code sell} shows it. */
    static void print(Cli cli, ReceiptPrinter printer, Receipt receipt, boolean reprint) {
        var config = cli.config();
        printer.print(receipt, config.storeName(), config.currency(), ZoneId.systemDefault(), reprint);
    }
}
