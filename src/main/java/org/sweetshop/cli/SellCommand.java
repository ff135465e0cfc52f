package org.sweetshop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.common.DeviceUnavailableException;
import org.sweetshop.config.ConfigLoader;
import org.sweetshop.journal.CatalogueSnapshot;
import org.sweetshop.journal.Journal;
import org.sweetshop.journal.OfflineSelling;
import org.sweetshop.journal.OfflineStaff;
import org.sweetshop.journal.OfflineTill;
import org.sweetshop.print.ReceiptText;
import org.sweetshop.printer.PrinterSettings;
import org.sweetshop.printer.ReceiptPrinter;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.SaleIds;
import org.sweetshop.sale.SaleService;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.PasswordHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sell}: one basket. With offline selling on ({@code offline.selling=true}) and the store
 * database unreachable, the sale goes to this till's journal instead ({@link OfflineTill}): exit 0,
 * a receipt marked OFFLINE and its sale id; {@code journal replay} sends it later under that id.
 */
@Command(name = "sell", description = {"Sells a basket at a till.",
        "Sending the same --sale-id again never makes a second sale: it prints the receipt already made.",
        "With offline.selling=true and the store database unreachable, the sale is journaled on this till (no coupons or promo codes)."})
final class SellCommand extends JsonCommand {

    private static final Logger LOG = LoggerFactory.getLogger(SellCommand.class);

    /**
     * A test seam, a JVM system property only tests set (never an environment variable a till's
     * service could inherit): a file to create between a journaled sale's fsync and its rename,
     * then wait there (to be killed).
     */
    static final String HOLD_PROPERTY = "sweetshop.test.journalHold";

    @Option(names = "--till", required = true, paramLabel = "T")
    String till;

    @Option(names = "--as", required = true, paramLabel = "USER")
    String as;

    @Option(names = "--item", required = true, paramLabel = "SKU:QTY|CODE[:N]", description = {"repeat for each line:"
            + " SKU:QTY (a count, or a weight such as 250g or 0.25kg for a weighed sweet),",
            "or a product barcode (N packs, default 1) or a scale label (its own weight or price)"})
    List<String> items;

    @Option(names = "--coupon", paramLabel = "TOKEN")
    String coupon;

    @Option(names = "--promo", paramLabel = "CODE")
    String promo;

    @Option(names = "--sale-id", paramLabel = "UUID", description = "the basket's UUID (default: a new one)")
    UUID saleId;

    @Option(names = "--pay", paramLabel = "cash:AMOUNT|card[:AMOUNT]", description = {"default: card; repeat to split the"
            + " sale: --pay card:10 --pay cash:20 (cards with an amount first, cash or a bare card pays the rest;",
            "change comes from cash only; the store's cash.rounding applies to the cash)"})
    List<String> pay;

    @Option(names = "--printer", paramLabel = "URI", description = {"print the receipt there once the sale is made:"
            + " tcp://HOST[:PORT], file:PATH, serial:PORT[?baud=N] or os:PRINTER NAME;",
            "a sale paid with cash opens the cash drawer on the printer's drawer port first;",
            "a printer that fails never undoes the sale: exit 0, a line on stderr, \"printed\": false in --json"})
    String printer;

    /** Set right before the checkout is sent: from then on a failure names it. */
    private UUID sent;

    @Override
    public Integer call() {
        if (items.size() > SaleService.MAX_LINES) {
            throw new InvalidInputException("items", "a basket holds at most " + SaleService.MAX_LINES + " lines");
        }
        List<Arguments.Item> raw = new ArrayList<>();
        for (String item : items) {
            raw.add(Arguments.rawItem(item));
        }
        List<Payment> payment = Arguments.payments(pay);
        // a printer that cannot be used is refused before the sale, never after it
        PrinterSettings printing = printer == null ? null : ReceiptCommand.settings(cli(), printer).orElseThrow();
        UUID id = saleId == null ? SaleIds.next() : saleId;
        Path dataDir = cli().config().dataDir();
        boolean offline = ConfigLoader.offlineSelling(dataDir, cli().env);
        String password = cli().password(as);
        Receipt receipt;
        CheckoutRequest request = null;
        try {
            Caller caller = context().staff().login(as, password);
            if (offline) {
                keepForOffline(dataDir, caller, password);
            }
            // what each item is (a SKU in its unit, a barcode, a scale label) the catalogue says
            request = new CheckoutRequest(id, till, BasketItems.resolve(context().catalog(), raw), coupon, promo, payment);
            sent = request.saleId();
            receipt = context().sales().checkout(caller, request);
        } catch (DatabaseUnreachableException unreachable) {
            if (request == null) {
                // unreachable before the items were resolved: offline, only counted SKU:N items can be sold
                if (!offline) {
                    throw unreachable;
                }
                List<BasketLine> lines = new ArrayList<>();
                for (String item : items) {
                    lines.add(Arguments.item(item));
                }
                request = new CheckoutRequest(id, till, lines, coupon, promo, payment);
            }
            // once sent, the checkout may have been made (its reply lost): a coupon or promo cannot
            // go offline, and an offline path that fails keeps this outcome and the sale id (exit 5)
            if (!offline || sent != null && OfflineSelling.carriesCode(request)) {
                throw unreachable;
            }
            LOG.warn("store database unreachable, selling offline: {}", unreachable.getMessage());
            try {
                return sellOffline(dataDir, request, password, printing);
            } catch (RuntimeException failed) {
                if (sent == null) {
                    throw failed;
                }
                LOG.warn("checkout {} could not be journaled offline either: {}", sent, failed.getMessage());
                unreachable.addSuppressed(failed);
                throw unreachable;
            }
        }
        // the sale is made: printing comes after it and cannot undo it
        ReceiptCommand.Heading heading = printing != null || !json ? ReceiptCommand.Heading.of(cli(), true) : null;
        Boolean printed = printing == null ? null : printed(printing, receipt, heading);
        if (json) {
            out().println(printed == null ? Json.write(receipt) : Json.withField(receipt, "printed", printed));
        } else {
            print(receipt, heading);
            cli().err.println(saleIdLine(sent));
        }
        return Cli.OK;
    }

    /**
     * Opens the cash drawer when the sale took cash (a card sale leaves it shut), then prints the
     * receipt of the sale already made; a printer that fails is said on stderr (how to print it again
     * included) and the command still succeeds. A drawer pulse the printer did not take is not
     * followed by the receipt: it would only wait out the same printer's timeouts a second time.
     */
    private boolean printed(PrinterSettings settings, Receipt receipt, ReceiptCommand.Heading heading) {
        try (ReceiptPrinter receiptPrinter = new ReceiptPrinter(settings)) {
            if (receipt.tendered() != null) {
                receiptPrinter.openDrawer();
            }
            ReceiptCommand.print(receiptPrinter, receipt, heading, false);
            return true;
        } catch (DeviceUnavailableException e) {
            LOG.warn("sale {} made, its receipt {} not printed: {}", receipt.saleId(), receipt.receiptNo(), e.getMessage());
            cli().err.println("the sale is made, but its receipt was not printed: " + Cli.oneLine(e.getMessage()));
            cli().err.println("(sweetshop receipt print " + receipt.receiptNo() + " prints it when the printer is back)");
            return false;
        }
    }

    /** What this till needs to sell offline later: the cashier's log-in and the catalogue as it is now. */
    private void keepForOffline(Path dataDir, Caller caller, String password) {
        // best effort: a log-in cache or catalogue copy that cannot be kept never blocks an online sale
        try {
            OfflineStaff.in(dataDir, new PasswordHasher()).remember(caller, password);
        } catch (RuntimeException e) {
            LOG.warn("the log-in of {} could not be kept for selling offline: {}", caller.username(), e.toString());
        }
        var catalogue = context().catalog().list();
        try {
            CatalogueSnapshot.in(dataDir).save(catalogue, Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("the catalogue copy for selling offline could not be kept: {}", e.toString());
        }
    }

    private int sellOffline(Path dataDir, CheckoutRequest request, String password, PrinterSettings printing) {
        Caller caller = OfflineStaff.in(dataDir, new PasswordHasher()).login(as, password);
        Journal journal = Journal.in(dataDir, holdForTests());
        Receipt receipt = new OfflineTill(journal, CatalogueSnapshot.in(dataDir), Clock.systemDefaultZone()).sell(caller, request);
        int waiting = journal.count();
        ReceiptCommand.Heading heading = ReceiptCommand.Heading.of(cli(), false);   // the database is not answering
        Boolean printed = printing == null ? null : printed(printing, receipt, heading);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("offline", true);
            result.put("waiting", waiting);
            result.put("receipt", receipt);
            if (printed != null) {
                result.put("printed", printed);
            }
            out().println(Json.write(result));
        } else {
            out().println("*** OFFLINE SALE: not yet sent to the store ***");
            print(receipt, heading);
            cli().err.println(saleIdLine(receipt.saleId()));
            cli().err.println("offline: " + waiting + " sale(s) waiting; sweetshop journal replay sends them");
        }
        return Cli.OK;
    }

    private Runnable holdForTests() {
        String marker = System.getProperty(HOLD_PROPERTY);
        if (marker == null || marker.isBlank()) {
            return () -> { };
        }
        return () -> {
            try {
                Files.writeString(Path.of(marker), "holding");
                Thread.sleep(600_000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Override
    UUID saleIdSent() {
        return sent;
    }

    /** What plain mode prints on stderr after a sale or a refusal of one: the id a script re-sends. */
    static String saleIdLine(UUID saleId) {
        return "sale id " + saleId;
    }

    /** The receipt as the till prints it ({@link ReceiptText}, 40 columns), under the store's heading, in this machine's zone. */
    private void print(Receipt r, ReceiptCommand.Heading heading) {
        for (String line : ReceiptText.render(r, heading.head(), heading.currency(), ZoneId.systemDefault(), false, ReceiptText.WIDTH)) {
            out().println(line);
        }
    }
}
