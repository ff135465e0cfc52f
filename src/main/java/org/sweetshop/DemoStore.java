package org.sweetshop;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.common.Discount;
import org.sweetshop.coupon.IssuedCoupon;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.print.CouponSheet;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/**
 * The demo store: a catalogue (counted sweets, some with product barcodes, and weighed pick and mix
 * with PLUs for scale labels: 21 00101 00250 C is 250 g of Pick &amp; Mix), a manager and a cashier, coupons (with their QR codes written as
 * PNGs) and two promo codes. Loaded by {@code sweetshop demo} and by the till's first-run screen,
 * through the services like any other data.
 */
public final class DemoStore {

    /** Pixels of each coupon's QR code PNG. */
    public static final int QR_PIXELS = CouponSheet.PNG_PIXELS;

    public static final List<NewSweet> SWEETS = List.of(
            new NewSweet("SL-100", "Sherbet Lemons (100 g)", "Boiled", new BigDecimal("1.20"), 80, 10),
            new NewSweet("PB-100", "Pear Drops (100 g)", "Boiled", new BigDecimal("1.10"), 60, 10),
            new NewSweet("RH-100", "Rhubarb & Custard (100 g)", "Boiled", new BigDecimal("1.15"), 45, 10),
            new NewSweet("FB-010", "Fudge Bar", "Fudge", new BigDecimal("0.85"), 120, 20)
                    .withBarcodes(List.of("5012345678900", "036000291452")),
            new NewSweet("VF-200", "Vanilla Fudge (200 g)", "Fudge", new BigDecimal("3.40"), 25, 5),
            new NewSweet("CM-150", "Chocolate Mice (150 g)", "Chocolate", new BigDecimal("2.25"), 40, 8),
            new NewSweet("CC-100", "Chocolate Coins (100 g)", "Chocolate", new BigDecimal("1.95"), 8, 10),
            new NewSweet("JB-200", "Jelly Babies (200 g)", "Jelly", new BigDecimal("1.60"), 90, 15)
                    .withBarcodes(List.of("5012345678917")),
            new NewSweet("CB-BAG", "Chocolate Buttons (bag)", "Chocolate", new BigDecimal("0.99"), 50, 10)
                    .withBarcodes(List.of("96385074")),
            new NewSweet("FS-100", "Fizzy Cola Bottles (100 g)", "Jelly", new BigDecimal("1.05"), 70, 15),
            new NewSweet("LR-001", "Liquorice Wheel", "Liquorice", new BigDecimal("0.45"), 200, 30),
            new NewSweet("AL-100", "Allsorts (100 g)", "Liquorice", new BigDecimal("1.30"), 0, 10),
            new NewSweet("GB-001", "Gobstopper", "Novelty", new BigDecimal("0.30"), 150, 25),
            // pick and mix by weight: price per kg, stock in grams, the PLU a label scale prints
            NewSweet.weighed("PM-MIX", "Pick & Mix", "Pick & Mix", new BigDecimal("14.99"), 5_000, 1_000, 101),
            NewSweet.weighed("PM-COLA", "Fizzy Cola Bottles (loose)", "Pick & Mix", new BigDecimal("12.50"), 3_000, 500, 102),
            NewSweet.weighed("PM-TOFF", "Butter Toffees (loose)", "Pick & Mix", new BigDecimal("18.00"), 400, 500, 103));

    public static final String PROMOS = "WELCOME10 (10% off, 100 uses), TREAT50 (0.50 off, for a month)";

    /** What was loaded: the generated passwords and the coupons, for the person to write down. */
    public record Loaded(String managerPassword, String cashierPassword, List<IssuedCoupon> coupons, Path couponDir) {
    }

    private DemoStore() {
    }

    /**
     * Loads the demo into a store whose owner account exists (and nothing else yet): adds
     * "manager" and "cashier" with generated passwords, the sweets, five coupons and two promos.
     */
    public static Loaded load(AppContext context, Caller owner, String till, Path couponDir) throws IOException {
        String managerPassword = StaffService.generatePassword();
        String cashierPassword = StaffService.generatePassword();
        context.staff().register(owner, "manager", Role.MANAGER, managerPassword);
        context.staff().register(owner, "cashier", Role.CASHIER, cashierPassword);
        for (NewSweet sweet : SWEETS) {
            context.catalog().add(owner, sweet, till);
        }
        LocalDate inThreeMonths = LocalDate.now().plusMonths(3);
        List<IssuedCoupon> coupons = new ArrayList<>(context.coupons().issue(owner, 3, Discount.percent(new BigDecimal("10")), inThreeMonths));
        coupons.addAll(context.coupons().issue(owner, 2, Discount.amount(new BigDecimal("1.00")), null));
        context.promos().add(owner, new NewPromo("WELCOME10", Discount.percent(new BigDecimal("10")), 100, null, null));
        context.promos().add(owner, new NewPromo("TREAT50", Discount.amount(new BigDecimal("0.50")), null, null,
                LocalDate.now().plusMonths(1)));
        Files.createDirectories(couponDir);
        CouponSheet.writePngs(coupons, couponDir);
        return new Loaded(managerPassword, cashierPassword, List.copyOf(coupons), couponDir);
    }
}
