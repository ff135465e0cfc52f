package org.sweetshop.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.common.TaxLine;
import org.sweetshop.shift.ZReport;

/**
 * The sales of the days {@code from} to {@code to} (both included) in the store's time zone
 * {@code zone}, all read on one snapshot of the database, so every figure agrees with every other:
 * the summary is the sum of the receipts, of the days, of the hours, of the tills and of the
 * cashiers alike. Amounts have two decimals.
 *
 * <p>Sales are counted by when they were made ({@code sale.created_at}); the stock valuation is
 * the stock at {@code generatedAt}, not at {@code to}; the shifts are those closed in the range.
 * {@code taxes} is the receipts' tax per rate (net, tax, gross; their gross add up to the summary's
 * {@code net}), {@code refundTaxes} what the refunds made in the range reversed per rate (their
 * gross add up to {@code refunded}).
 */
public record SalesReport(LocalDate from, LocalDate to, ZoneId zone, Instant generatedAt, Summary summary,
        List<HourSales> byHour, List<DaySales> byDay, List<SweetSales> topSweets, List<TillSales> byTill,
        List<CashierSales> byCashier, List<CouponDiscounts> couponDiscounts, List<PromoDiscounts> promoDiscounts,
        StockValuation stock, List<ZReport> shifts, List<TaxLine> taxes, List<TaxLine> refundTaxes) {

    /** A report without its tax lines. */
    public SalesReport(LocalDate from, LocalDate to, ZoneId zone, Instant generatedAt, Summary summary,
            List<HourSales> byHour, List<DaySales> byDay, List<SweetSales> topSweets, List<TillSales> byTill,
            List<CashierSales> byCashier, List<CouponDiscounts> couponDiscounts, List<PromoDiscounts> promoDiscounts,
            StockValuation stock, List<ZReport> shifts) {
        this(from, to, zone, generatedAt, summary, byHour, byDay, topSweets, byTill, byCashier, couponDiscounts, promoDiscounts,
                stock, shifts, List.of(), List.of());
    }

    public SalesReport {
        taxes = taxes == null ? List.of() : List.copyOf(taxes);
        refundTaxes = refundTaxes == null ? List.of() : List.copyOf(refundTaxes);
        byHour = List.copyOf(byHour);
        byDay = List.copyOf(byDay);
        topSweets = List.copyOf(topSweets);
        byTill = List.copyOf(byTill);
        byCashier = List.copyOf(byCashier);
        couponDiscounts = List.copyOf(couponDiscounts);
        promoDiscounts = List.copyOf(promoDiscounts);
        shifts = List.copyOf(shifts);
    }

    /**
     * The takings: {@code gross} is the sum of the receipts' subtotals, {@code net} the sum of their
     * totals (what was paid), so {@code net = gross - couponDiscounts - promoDiscounts = cash + card}.
     * {@code units} is the number of pieces of counted sweets sold and {@code grams} the weight of
     * weighed sweets sold: the two are never added together. Refunds are a figure of their own: money paid back
     * in the range (by when the refund was made, whichever day the sale was), taken off {@code net}
     * in {@code netAfterRefunds}; {@code net} stays the sum of the receipts the report covers.
     */
    public record Summary(long sales, long units, BigDecimal gross, BigDecimal couponDiscounts, BigDecimal promoDiscounts,
            BigDecimal discounts, BigDecimal net, BigDecimal cash, BigDecimal card, long refunds, BigDecimal refunded,
            BigDecimal netAfterRefunds, long grams) {

        /** Takings without weighed sweets. */
        public Summary(long sales, long units, BigDecimal gross, BigDecimal couponDiscounts, BigDecimal promoDiscounts,
                BigDecimal discounts, BigDecimal net, BigDecimal cash, BigDecimal card, long refunds, BigDecimal refunded,
                BigDecimal netAfterRefunds) {
            this(sales, units, gross, couponDiscounts, promoDiscounts, discounts, net, cash, card, refunds, refunded,
                    netAfterRefunds, 0);
        }

        /** The weight of weighed sweets sold, as {@link #sold} shows it: {@code 1.250 kg}. */
        public String kilograms() {
            return sold(grams, SoldBy.WEIGHED);
        }
    }

    /** Sales made in one hour of the day (0-23, store time), over every day of the range. */
    public record HourSales(int hour, long sales, BigDecimal gross, BigDecimal net) {
    }

    /** Sales of one day (store time). Every day of the range is listed, days without sales with zeros. */
    public record DaySales(LocalDate day, long sales, BigDecimal gross, BigDecimal discounts, BigDecimal net) {
    }

    /**
     * One sweet's sales: units in the sweet's own unit (pieces, or grams of a weighed sweet), and
     * revenue as the sum of its receipt lines (before the discounts, which apply to whole receipts).
     * Counted sweets come first, by pieces, most first; then weighed ones by grams, most first (a
     * piece and a gram do not compare); ties by name then SKU.
     */
    public record SweetSales(String sku, String name, long units, BigDecimal revenue, SoldBy soldBy) {

        /** A counted sweet's sales. */
        public SweetSales(String sku, String name, long units, BigDecimal revenue) {
            this(sku, name, units, revenue, SoldBy.COUNTED);
        }

        /** The unit of {@link #units}: {@code pcs} or {@code g}. */
        public String unit() {
            return soldBy.unit();
        }

        /** What was sold as a person reads it: {@code 12}, or {@code 1.250 kg} for a weighed sweet. */
        public String sold() {
            return SalesReport.sold(units, soldBy);
        }
    }

    /** A quantity as the reports show it: a count of pieces, or kilograms with three decimals ({@code 0.253 kg}). */
    public static String sold(long quantity, SoldBy soldBy) {
        return soldBy.weighed() ? Quantity.kilograms(quantity) : Long.toString(quantity);
    }

    /** One till's sales. */
    public record TillSales(String till, long sales, BigDecimal gross, BigDecimal discounts, BigDecimal net, BigDecimal cash,
            BigDecimal card) {
    }

    /** One cashier's sales (whoever was logged in at the till). */
    public record CashierSales(String username, long sales, BigDecimal gross, BigDecimal discounts, BigDecimal net) {
    }

    /** The coupons of one kind and value redeemed in the range, e.g. 12 coupons of 10 % off, and what they took off. */
    public record CouponDiscounts(String kind, BigDecimal value, String describe, long coupons, BigDecimal discount) {
    }

    /** One promo code's uses in the range and what they took off. */
    public record PromoDiscounts(String code, long sales, BigDecimal discount) {
    }

    /**
     * The stock on hand valued at today's prices, every sweet, by SKU; the total of the lines.
     * {@code units} counts the pieces of counted sweets, {@code grams} the weight of weighed ones.
     */
    public record StockValuation(Instant asAt, List<StockLine> lines, long units, BigDecimal total, long grams) {
        public StockValuation {
            lines = List.copyOf(lines);
        }

        public StockValuation(Instant asAt, List<StockLine> lines, long units, BigDecimal total) {
            this(asAt, lines, units, total, 0);
        }
    }

    /**
     * One sweet's stock × price: pieces × price per piece, or for a weighed sweet grams × price per
     * kilogram, rounded as a weighed line is ({@link org.sweetshop.common.Money#weighedLine}).
     */
    public record StockLine(String sku, String name, String category, boolean active, int stock, BigDecimal price,
            BigDecimal value, SoldBy soldBy) {

        public StockLine(String sku, String name, String category, boolean active, int stock, BigDecimal price, BigDecimal value) {
            this(sku, name, category, active, stock, price, value, SoldBy.COUNTED);
        }

        /** The unit of {@link #stock}: {@code pcs} or {@code g}. */
        public String unit() {
            return soldBy.unit();
        }
    }
}
