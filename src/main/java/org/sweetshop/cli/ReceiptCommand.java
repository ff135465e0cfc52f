package org.sweetshop.cli;

import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.config.ConfigLoader;
import org.sweetshop.print.ReceiptText;
import org.sweetshop.printer.PrinterSettings;
import org.sweetshop.printer.ReceiptPrinter;
import org.sweetshop.sale.Receipt;
import org.sweetshop.settings.Setting;
import org.sweetshop.settings.SettingKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "receipt", description = "Receipts already made.", subcommands = {ReceiptCommand.Show.class, ReceiptCommand.Print.class})
final class ReceiptCommand extends CliCommand.Group {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptCommand.class);

    @Command(name = "show", description = {"Shows a receipt as the till prints it, its tax per rate included;",
            "--json: the receipt with its lines and \"taxes\" (code, name, rate, net, tax, gross per rate)."})
    static final class Show extends JsonCommand {

        @Parameters(index = "0", paramLabel = "RECEIPT", description = "the receipt number, e.g. T1-000001")
        String receipt;

        @Override
        public Integer call() {
            Receipt found = context().sales().findReceipt(receipt)
                    .orElseThrow(() -> new NotFoundException("receipt", receipt, "no receipt " + receipt));
            if (json) {
                out().println(Json.write(found));
                return Cli.OK;
            }
            Heading heading = Heading.of(cli(), true);
            for (String line : ReceiptText.render(found, heading.head(), heading.currency(), ZoneId.systemDefault(), false,
                    ReceiptText.WIDTH)) {
                out().println(line);
            }
            return Cli.OK;
        }
    }

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
                print(receiptPrinter, found, Heading.of(cli(), true), true);
            }
            out().println("printed receipt " + found.receiptNo() + " on " + settings.uri());
            return Cli.OK;
        }
    }

    /** The printer of {@code --printer URI} (when given) with the till's paper and timeouts, else the till's own. */
    static Optional<PrinterSettings> settings(Cli cli, String given) {
        return PrinterSettings.from(ConfigLoader.tillProperties(cli.config().dataDir()), given);
    }

    /** Prints {@code receipt} under {@code heading} in this machine's zone, as {@code sell} shows it. */
    static void print(ReceiptPrinter printer, Receipt receipt, Heading heading, boolean reprint) {
        printer.print(receipt, heading.head(), heading.currency(), ZoneId.systemDefault(), reprint);
    }

    /**
     * The store name and currency a receipt is headed with: the store's settings (every till
     * agrees), or this till's configuration where the database is not to be asked (a sale made
     * offline) or does not answer. The store's address and tax number come from its settings only
     * (null where not read).
     */
    record Heading(String storeName, String currency, String address, String taxNumber, String header, String footer) {

        Heading(String storeName, String currency) {
            this(storeName, currency, null, null, null, null);
        }

        /** What {@link ReceiptText} prints above the receipt (and its footer below). */
        ReceiptText.Head head() {
            return new ReceiptText.Head(storeName, address, taxNumber, header, footer);
        }

        static Heading of(Cli cli, boolean online) {
            var config = cli.config();
            if (online) {
                try {
                    var store = cli.context().settings().read();
                    // a key the store has not set is this till's own, as at the till's window
                    return new Heading(ours(store.get(SettingKey.STORE_NAME), config.storeName()),
                            ours(store.get(SettingKey.CURRENCY), config.currency()), store.address(), store.taxNumber(),
                            store.receiptHeader(), store.receiptFooter());
                } catch (RuntimeException e) {
                    LOG.warn("the store's settings could not be read for the receipt, this till's are used: {}", e.toString());
                }
            }
            return new Heading(config.storeName(), config.currency());
        }

        private static String ours(Setting setting, String tills) {
            return setting.isDefault() ? tills : setting.value();
        }
    }
}
