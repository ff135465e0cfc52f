package org.sweetshop.ui.till.customer;

import org.sweetshop.common.Money;
import org.sweetshop.display.PoleText;

/**
 * What the 2×20 pole display says for each {@link CustomerShow}, two lines of 20 columns:
 * <pre>
 *      Welcome to           idle: the store's name below, both centred
 *      Sweetshop
 * 2x Fudge Bar    1.70      the line added or changed last (its quantity first when more than one,
 * TOTAL          12.34      its weight for a weighed sweet), and the total
 * PAID           20.00      paid; the change, or "Thank you" when no cash was taken
 * CHANGE          7.66
 * </pre>
 */
public record PoleLines(String upper, String lower) {

    public static PoleLines of(CustomerShow show) {
        if (show instanceof CustomerShow.Selling selling) {
            return new PoleLines(PoleText.spread(named(selling.last()), Money.format(selling.last().amount())),
                    PoleText.spread("TOTAL", Money.format(selling.total())));
        }
        if (show instanceof CustomerShow.Paid paid) {
            return new PoleLines(PoleText.spread("PAID", Money.format(paid.paid())),
                    paid.change() == null ? PoleText.centred("Thank you") : PoleText.spread("CHANGE", Money.format(paid.change())));
        }
        return new PoleLines(PoleText.centred("Welcome to"), PoleText.centred(((CustomerShow.Idle) show).storeName()));
    }

    /** "Fudge Bar", "2x Fudge Bar", "253g Pick & Mix". */
    private static String named(CustomerShow.Line line) {
        String quantity = line.quantity();
        if (quantity.equals("1")) {
            return line.name();
        }
        return (quantity.matches("\\d+") ? quantity + "x " : quantity.replace(" ", "") + " ") + line.name();
    }
}
