package org.sweetshop.cli;

import org.sweetshop.common.InvalidInputException;
import org.sweetshop.printer.PrinterSettings;
import org.sweetshop.printer.ReceiptPrinter;
import org.sweetshop.staff.DrawerOpenings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "drawer", description = "The cash drawer on the receipt printer's drawer port.", subcommands = DrawerCommand.Open.class)
final class DrawerCommand extends CliCommand.Group {

    @Command(name = "open", description = {"Opens the cash drawer without a sale (\"no sale\"): a manager or owner, with a reason.",
            "The opening is in the audit log (drawer-open: who, the till, the reason), written only once the drawer got the pulse.",
            "The printer: --printer, else printer.uri in the till's sweetshop.properties. Exits 6 when the printer does not answer."})
    static final class Open extends CliCommand {

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why, at most "
                + DrawerOpenings.MAX_REASON + " characters")
        String reason;

        @Option(names = "--as", required = true, paramLabel = "USER", description = "a manager or owner")
        String as;

        @Option(names = "--till", paramLabel = "T", description = "this till's name (default: --terminal / SWEETSHOP_TERMINAL, else T1)")
        String till;

        @Option(names = "--printer", paramLabel = "URI", description = "tcp://HOST[:PORT], file:PATH, serial:PORT[?baud=N]"
                + " or os:PRINTER NAME")
        String printer;

        @Override
        public Integer call() {
            PrinterSettings settings = ReceiptCommand.settings(cli(), printer)
                    .orElseThrow(() -> new InvalidInputException("printer",
                            "no receipt printer: give --printer URI or set printer.uri in the till's sweetshop.properties"));
            String where = till != null ? till : cli().config().terminal() != null ? cli().config().terminal() : "T1";
            try (ReceiptPrinter receiptPrinter = new ReceiptPrinter(settings)) {
                context().drawer().open(login(as), where, reason, receiptPrinter::openDrawer);
            }
            out().println("cash drawer opened on till " + where.strip());
            return Cli.OK;
        }
    }
}
