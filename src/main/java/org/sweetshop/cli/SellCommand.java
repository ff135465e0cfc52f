package org.sweetshop.cli;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sweetshop.print.ReceiptText;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.SaleIds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sell", description = {"Sells a basket at a till.",
        "Sending the same --sale-id again never makes a second sale: it prints the receipt already made."})
final class SellCommand extends JsonCommand {

    @Option(names = "--till", required = true, paramLabel = "T")
    String till;

    @Option(names = "--as", required = true, paramLabel = "USER")
    String as;

    @Option(names = "--item", required = true, paramLabel = "SKU:QTY", description = "repeat for each line")
    List<String> items;

    @Option(names = "--coupon", paramLabel = "TOKEN")
    String coupon;

    @Option(names = "--promo", paramLabel = "CODE")
    String promo;

    @Option(names = "--sale-id", paramLabel = "UUID", description = "the basket's UUID (default: a new one)")
    UUID saleId;

    @Option(names = "--pay", paramLabel = "cash:AMOUNT|card", defaultValue = "card", description = "default: card")
    String pay;

    /** Set right before the checkout is sent: from then on a failure names it. */
    private UUID sent;

    @Override
    public Integer call() {
        List<BasketLine> lines = new ArrayList<>();
        for (String item : items) {
            lines.add(Arguments.item(item));
        }
        Payment payment = Arguments.payment(pay);
        CheckoutRequest request = new CheckoutRequest(saleId == null ? SaleIds.next() : saleId, till, lines, coupon, promo, payment);
        var caller = login(as);
        sent = request.saleId();
        Receipt receipt = context().sales().checkout(caller, request);
        if (json) {
            out().println(Json.write(receipt));
        } else {
            print(receipt);
            cli().err.println(saleIdLine(sent));
        }
        return Cli.OK;
    }

    @Override
    UUID saleIdSent() {
        return sent;
    }

    /** What plain mode prints on stderr after a sale or a refusal of one: the id a script re-sends. */
    static String saleIdLine(UUID saleId) {
        return "sale id " + saleId;
    }

    /** The receipt as the till prints it ({@link ReceiptText}, 40 columns), for the store and zone of this machine. */
    private void print(Receipt r) {
        var config = cli().config();
        for (String line : ReceiptText.render(r, config.storeName(), config.currency(), ZoneId.systemDefault(), false)) {
            out().println(line);
        }
    }
}
