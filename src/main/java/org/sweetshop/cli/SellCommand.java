package org.sweetshop.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.SaleIds;
import org.sweetshop.sale.ReceiptLine;
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


    @Override
    public Integer call() {
        List<BasketLine> lines = new ArrayList<>();
        for (String item : items) {
            lines.add(parseItem(item));
        }
        Payment payment = Payment.parse(pay);
        CheckoutRequest request = new CheckoutRequest(saleId == null ? SaleIds.next() : saleId, till, lines, coupon, promo, payment);
        Receipt receipt = context().sales().checkout(login(as), request);
        if (json) {
            out().println(Json.write(receipt));
        } else {
            print(receipt);
        }
        return Cli.OK;
    }

    static BasketLine parseItem(String item) {
        return BasketLine.parse(item);
    }

    private void print(Receipt r) {
        var out = out();
        out.println((r.replayed() ? "receipt already made for this sale: " : "receipt ") + r.receiptNo()
                + "  till " + r.till() + "  cashier " + r.cashier() + "  " + r.createdAt());
        for (ReceiptLine line : r.lines()) {
            out.printf("  %3d x %-30s %8s %9s%n", line.quantity(), line.name(), money(line.unitPrice()), money(line.lineTotal()));
        }
        out.printf("  %-45s %9s%n", "subtotal", money(r.subtotal()));
        if (r.couponDiscount().signum() > 0) {
            out.printf("  %-45s %9s%n", "coupon …" + r.couponHint(), "-" + money(r.couponDiscount()));
        }
        if (r.promoDiscount().signum() > 0) {
            out.printf("  %-45s %9s%n", "promo " + r.promoCode(), "-" + money(r.promoDiscount()));
        }
        out.printf("  %-45s %9s%n", "TOTAL", money(r.total()));
        if (r.tendered() != null) {
            out.printf("  %-45s %9s%n", "cash", money(r.tendered()));
            out.printf("  %-45s %9s%n", "change", money(r.change()));
        } else {
            out.printf("  %-45s %9s%n", "card", money(r.total()));
        }
    }
}
