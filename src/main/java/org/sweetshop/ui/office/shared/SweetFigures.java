package org.sweetshop.ui.office.shared;

import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Money;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;

/**
 * How the back office words a sweet's figures in its unit: "0.85" and "12" for a counted sweet;
 * "14.99 / kg", "2.500 kg" and "750 g" for a weighed one ({@link Quantity#format}); a PLU as the
 * scale prints it, "00042".
 */
public final class SweetFigures {

    private SweetFigures() {
    }

    /** "0.85" for a counted sweet, "14.99 / kg" for a weighed one. */
    public static String price(SweetView sweet) {
        return Money.format(sweet.price()) + (sweet.weighed() ? " / kg" : "");
    }

    /** "12", "750 g", "2.500 kg". */
    public static String stock(SweetView sweet) {
        return Quantity.format(sweet.stock(), sweet.soldBy());
    }

    /** The reorder level, as {@link #stock}. */
    public static String reorder(SweetView sweet) {
        return Quantity.format(sweet.reorderLevel(), sweet.soldBy());
    }

    /** A change with its sign: "+10", "-3", "+500 g", "-1.250 kg", "0". */
    public static String signed(int change, SoldBy soldBy) {
        return (change > 0 ? "+" : "") + Quantity.format(change, soldBy);
    }

    /** "00042", or "" for none. */
    public static String plu(Integer plu) {
        return plu == null ? "" : String.format("%05d", plu);
    }
}
