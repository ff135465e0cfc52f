package org.sweetshop.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.sweetshop.common.TaxLine;

/**
 * The tax of the days {@code from} to {@code to} (both included, store time), read on one snapshot:
 * per rate what the receipts of those days charged (net, tax, gross) and what the refunds made in
 * those days reversed, and what is left after them. The gross of the rates is the sum of the
 * receipts' totals ({@code receiptsTotal}), exactly; the refunds' gross is what they gave back.
 *
 * @param rates one per rate sold or refunded, by code
 * @param total the rates added up
 */
public record TaxReport(LocalDate from, LocalDate to, ZoneId zone, Instant generatedAt, long receipts, BigDecimal receiptsTotal,
        long refunds, BigDecimal refunded, List<Rate> rates, Rate total) {

    public TaxReport {
        rates = List.copyOf(rates);
    }

    /**
     * One rate's figures: the sales' net, tax and gross, the refunds', and the sales less the refunds.
     */
    public record Rate(String code, String name, BigDecimal rate, BigDecimal net, BigDecimal tax, BigDecimal gross,
            BigDecimal refundedNet, BigDecimal refundedTax, BigDecimal refundedGross, BigDecimal netAfterRefunds,
            BigDecimal taxAfterRefunds, BigDecimal grossAfterRefunds) {

        static Rate of(TaxLine sold, TaxLine refunded) {
            return new Rate(sold.code(), sold.name(), sold.rate(), sold.net(), sold.tax(), sold.gross(), refunded.net(),
                    refunded.tax(), refunded.gross(), sold.net().subtract(refunded.net()), sold.tax().subtract(refunded.tax()),
                    sold.gross().subtract(refunded.gross()));
        }

        /** The rate as a person reads it: {@code 20%}. */
        public String percent() {
            return rate == null ? "" : rate.stripTrailingZeros().toPlainString() + "%";
        }
    }
}
