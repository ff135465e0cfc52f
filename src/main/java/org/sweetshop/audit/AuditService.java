package org.sweetshop.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.sweetshop.common.DatabaseUnreachableException;

/**
 * Checks every invariant the tills promise, on one repeatable-read snapshot, read-only. Each check
 * is a query returning the rows that break it.
 */
public final class AuditService {

    private record Rule(String name, String description, String sql) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("stock-equals-movements", "each sweet's stock equals the sum of its stock movements",
                    "select s.sku, s.stock, coalesce(sum(m.quantity), 0) as movements from sweet s"
                            + " left join stock_movement m on m.sweet_id = s.id group by s.id, s.sku, s.stock"
                            + " having s.stock <> coalesce(sum(m.quantity), 0) order by s.sku"),
            new Rule("stock-never-negative", "no sweet's stock is, or ever was, below zero",
                    "select 'sweet' as kind, sku, stock from sweet where stock < 0"
                            + " union all select 'movement', cast(id as varchar(20)), stock_after from stock_movement where stock_after < 0"),
            new Rule("stock-ledger-chain", "each sweet's movements run 1..n, each leaves the stock before it plus its change,"
                    + " and the last leaves the current stock",
                    "select s.sku, m.seq, m.quantity, m.stock_after, p.stock_after as before from stock_movement m"
                            + " join sweet s on s.id = m.sweet_id"
                            + " left join stock_movement p on p.sweet_id = m.sweet_id and p.seq = m.seq - 1"
                            + " where m.seq > s.movements or (m.seq > 1 and p.id is null)"
                            + " or m.stock_after <> coalesce(p.stock_after, 0) + m.quantity"
                            + " union all select s.sku, s.movements, null, s.stock, m.stock_after from sweet s"
                            + " left join stock_movement m on m.sweet_id = s.id and m.seq = s.movements"
                            + " where (s.movements > 0 and (m.id is null or m.stock_after <> s.stock))"
                            + " or (s.movements = 0 and s.stock <> 0)"),
            new Rule("coupon-redeemed-once", "no coupon is redeemed by more than one sale",
                    "select coupon_id, count(*) as sales from sale where coupon_id is not null group by coupon_id having count(*) > 1"),
            new Rule("coupon-redemption-matches-sale", "every redeemed coupon names the one sale that carries it, and back",
                    "select c.id as coupon_id, c.status, cast(s.id as varchar(36)) as sale_id from sale s"
                            + " join coupon c on c.id = s.coupon_id"
                            + " where c.status <> 'REDEEMED' or c.redeemed_sale_id is distinct from s.id"
                            + " union all select c.id, c.status, cast(c.redeemed_sale_id as varchar(36)) from coupon c"
                            + " where c.status = 'REDEEMED' and not exists"
                            + " (select 1 from sale s where s.id = c.redeemed_sale_id and s.coupon_id = c.id)"),
            new Rule("promo-within-max", "no promo code is used more often than its maximum",
                    "select code, uses, max_uses from promo where max_uses is not null and uses > max_uses"),
            new Rule("promo-uses-match-sales", "each promo code's use count equals the sales that used it",
                    "select p.code, p.uses, count(s.id) as sales from promo p left join sale s on s.promo_id = p.id"
                            + " group by p.id, p.code, p.uses having p.uses <> count(s.id)"),
            new Rule("receipt-unique-per-till", "receipt numbers are unique per till",
                    "select till, receipt_seq, count(*) as sales from sale group by till, receipt_seq having count(*) > 1"),
            new Rule("receipt-gapless-per-till", "each till's receipt numbers run 1..n without gaps and match its counter",
                    "select t.till, t.last_number, count(s.id) as sales, coalesce(max(s.receipt_seq), 0) as highest"
                            + " from till_counter t left join sale s on s.till = t.till group by t.till, t.last_number"
                            + " having count(s.id) <> t.last_number or coalesce(max(s.receipt_seq), 0) <> t.last_number"
                            + " union all select s.till, null, count(*), max(s.receipt_seq) from sale s"
                            + " where not exists (select 1 from till_counter t where t.till = s.till) group by s.till"),
            new Rule("sale-totals-add-up", "each sale's subtotal is the sum of its lines and its total is subtotal minus discounts"
                    + " plus the tax added (prices excluding tax)",
                    "select s.till, s.receipt_seq, s.subtotal, coalesce(sum(l.line_total), 0) as lines, s.total from sale s"
                            + " left join sale_line l on l.sale_id = s.id group by s.id, s.till, s.receipt_seq, s.subtotal, s.total,"
                            + " s.coupon_discount, s.promo_discount, s.tax_added"
                            + " having s.subtotal <> coalesce(sum(l.line_total), 0)"
                            + " or s.total <> s.subtotal - s.coupon_discount - s.promo_discount + s.tax_added"),
            new Rule("tax-lines-sum-to-totals", "each sale's tax lines (net + tax = gross, one per rate of its lines and no other)"
                    + " add up to its total, and each refund's to its amount",
                    "select 'sale' as what, cast(s.id as varchar(36)) as id, s.total as amount, t.gross as tax_lines from sale s"
                            + " left join (select sale_id, sum(gross) as gross from sale_tax group by sale_id) t on t.sale_id = s.id"
                            + " where t.gross is distinct from s.total"
                            + " union all select 'refund', cast(f.id as varchar(36)), f.amount, t.gross from refund f"
                            + " left join (select refund_id, sum(gross) as gross from refund_tax group by refund_id) t"
                            + " on t.refund_id = f.id where t.gross is distinct from f.amount"
                            + " union all select 'sale tax line', cast(sale_id as varchar(36)) || ' ' || code, gross, net + tax"
                            + " from sale_tax where net + tax <> gross or net < 0 or tax < 0"
                            + " union all select 'refund tax line', cast(refund_id as varchar(36)) || ' ' || code, gross, net + tax"
                            + " from refund_tax where net + tax <> gross or net < 0 or tax < 0"
                            + " union all select 'sale line without its rate', cast(l.sale_id as varchar(36)) || ' ' || l.tax_code,"
                            + " l.line_total, null from sale_line l where not exists"
                            + " (select 1 from sale_tax t where t.sale_id = l.sale_id and t.code = l.tax_code)"
                            + " union all select 'sale tax line without a line', cast(t.sale_id as varchar(36)) || ' ' || t.code,"
                            + " t.gross, null from sale_tax t where not exists"
                            + " (select 1 from sale_line l where l.sale_id = t.sale_id and l.tax_code = t.code)"),
            new Rule("sale-lines-priced-by-kind", "each sale line is sold as its sweet is (pieces or grams) and its total is"
                    + " that kind's: unit price x pieces, or grams x price per kg rounded once, half-up (Money.weighedLine)",
                    "select cast(l.sale_id as varchar(36)) as sale_id, l.line_no, w.sku, l.sold_by, w.sold_by as sweet_sold_by,"
                            + " l.quantity, l.unit_price, l.line_total from sale_line l join sweet w on w.id = l.sweet_id"
                            + " where l.sold_by <> w.sold_by or l.line_total <> case l.sold_by"
                            + " when 'WEIGHED' then round(l.unit_price * l.quantity / 1000, 2) else l.unit_price * l.quantity end"),
            new Rule("sale-payments-sum-to-total", "each sale's payments add up to its total plus its cash rounding, by method:"
                    + " cash and card as the sale records them, change from cash only",
                    "select cast(s.id as varchar(36)) as sale_id, s.total, s.cash_rounding, s.cash_paid, s.card_paid,"
                            + " coalesce(sum(case when p.method = 'CASH' then p.amount end), 0) as cash_parts,"
                            + " coalesce(sum(case when p.method = 'CARD' then p.amount end), 0) as card_parts, count(p.seq) as parts"
                            + " from sale s left join sale_payment p on p.sale_id = s.id"
                            + " group by s.id, s.total, s.cash_rounding, s.cash_paid, s.card_paid"
                            + " having count(p.seq) = 0 or count(p.seq) <> max(p.seq)"
                            + " or s.cash_paid <> coalesce(sum(case when p.method = 'CASH' then p.amount end), 0)"
                            + " or s.card_paid <> coalesce(sum(case when p.method = 'CARD' then p.amount end), 0)"
                            + " or coalesce(sum(p.amount), 0) <> s.total + s.cash_rounding"),
            new Rule("sale-lines-match-movements", "each sale line has its stock movement, and each sale movement its line",
                    "select coalesce(l.sale_id, m.sale_id) as sale_id, coalesce(l.sweet_id, m.sweet_id) as sweet_id,"
                            + " l.quantity, m.moved from sale_line l full join"
                            + " (select sale_id, sweet_id, -sum(quantity) as moved from stock_movement where kind = 'SALE'"
                            + " group by sale_id, sweet_id) m on m.sale_id = l.sale_id and m.sweet_id = l.sweet_id"
                            + " where l.quantity is distinct from m.moved"
                            // an offline sale recorded with a stock discrepancy moved no stock, by design
                            + " and not (m.moved is null and exists (select 1 from offline_conflict c where c.sale_id = l.sale_id))"),
            new Rule("offline-discrepancies-move-no-stock", "each stock discrepancy of an offline sale names a sale that moved"
                    + " no stock (resolved or not: it stays in the list of discrepancies)",
                    "select c.sale_id, c.till, c.reason, count(m.id) as movements from offline_conflict c"
                            + " left join stock_movement m on m.sale_id = c.sale_id and m.kind = 'SALE'"
                            + " group by c.sale_id, c.till, c.reason having count(m.id) > 0"),
            new Rule("refunds-within-sales", "no sale line is refunded beyond what was sold; each line's refunded count is the sum"
                    + " of its refund lines (of the same sweet); each refund's amount is the sum of its lines; no sale gives back more"
                    + " than its total",
                    "select 'sale line' as what, cast(l.id as varchar(36)) as id, l.quantity as sold, l.refunded as recorded,"
                            + " coalesce(sum(r.quantity), 0) as refund_lines from sale_line l"
                            + " left join refund_line r on r.sale_line_id = l.id"
                            + " group by l.id, l.quantity, l.refunded, l.sweet_id"
                            + " having l.refunded <> coalesce(sum(r.quantity), 0) or l.refunded > l.quantity"
                            + " or count(case when r.sweet_id <> l.sweet_id then 1 end) > 0"
                            + " union all select 'refund', cast(f.id as varchar(36)), null, f.amount, coalesce(sum(r.amount), 0)"
                            + " from refund f left join refund_line r on r.refund_id = f.id group by f.id, f.amount"
                            + " having f.amount <> coalesce(sum(r.amount), 0) or count(r.refund_id) = 0"
                            + " union all select 'sale', cast(s.id as varchar(36)), s.total, sum(f.amount), null"
                            + " from sale s join refund f on f.sale_id = s.id group by s.id, s.total having sum(f.amount) > s.total"),
            new Rule("refunds-within-line-totals", "no sale line, refunded whole or in part (a weighed line gram by gram),"
                    + " gives back more than its line total (with the tax added to it, prices excluding tax)",
                    "select cast(l.sale_id as varchar(36)) as sale_id, l.line_no, l.sku, l.sold_by, l.quantity, l.refunded,"
                            + " l.line_total, sum(r.amount) as given_back from sale_line l join refund_line r on r.sale_line_id = l.id"
                            + " join sale s on s.id = l.sale_id"
                            + " group by l.id, l.sale_id, l.line_no, l.sku, l.sold_by, l.quantity, l.refunded, l.line_total, l.tax_rate,"
                            + " s.tax_added"
                            + " having sum(r.amount) > case when s.tax_added = 0 then l.line_total"
                            + " else l.line_total * (100 + l.tax_rate) / 100 + 0.01 end"),
            new Rule("refund-lines-match-movements", "each refunded sweet of a sale has its REFUND movements, and each REFUND"
                    + " movement its refund lines",
                    "select coalesce(l.sale_id, m.sale_id) as sale_id, coalesce(l.sweet_id, m.sweet_id) as sweet_id,"
                            + " l.quantity, m.moved from"
                            + " (select f.sale_id, r.sweet_id, sum(r.quantity) as quantity from refund_line r"
                            + " join refund f on f.id = r.refund_id group by f.sale_id, r.sweet_id) l full join"
                            + " (select sale_id, sweet_id, sum(quantity) as moved from stock_movement where kind = 'REFUND'"
                            + " group by sale_id, sweet_id) m on m.sale_id = l.sale_id and m.sweet_id = l.sweet_id"
                            + " where l.quantity is distinct from m.moved"),
            new Rule("shift-reports-match-sales", "each closed shift's Z report adds up the sales its till numbered during the shift",
                    "select sh.id as shift, sh.till, sh.sales, count(s.id) as counted, sh.net, coalesce(sum(s.total), 0) as total"
                            + " from shift sh left join sale s on s.till = sh.till"
                            + " and s.receipt_seq > sh.open_receipt_seq and s.receipt_seq <= sh.close_receipt_seq"
                            + " where sh.closed_at is not null"
                            + " group by sh.id, sh.till, sh.sales, sh.gross, sh.coupon_discounts, sh.promo_discounts, sh.net,"
                            + " sh.cash_sales, sh.card_sales, sh.cash_rounding, sh.first_receipt_seq, sh.last_receipt_seq, sh.tax_added"
                            + " having sh.sales <> count(s.id) or sh.gross <> coalesce(sum(s.subtotal), 0)"
                            + " or sh.coupon_discounts <> coalesce(sum(s.coupon_discount), 0)"
                            + " or sh.promo_discounts <> coalesce(sum(s.promo_discount), 0) or sh.net <> coalesce(sum(s.total), 0)"
                            + " or sh.tax_added <> coalesce(sum(s.tax_added), 0)"
                            + " or sh.cash_sales <> coalesce(sum(s.cash_paid), 0) or sh.card_sales <> coalesce(sum(s.card_paid), 0)"
                            + " or sh.cash_rounding <> coalesce(sum(s.cash_rounding), 0)"
                            + " or sh.first_receipt_seq is distinct from min(s.receipt_seq)"
                            + " or sh.last_receipt_seq is distinct from max(s.receipt_seq)"),
            new Rule("shifts-do-not-overlap", "no receipt of a till falls in two of its shifts",
                    "select a.till, a.id as shift, b.id as other from shift a join shift b on a.till = b.till and a.id < b.id"
                            + " and a.open_receipt_seq < coalesce(b.close_receipt_seq, 9223372036854775807)"
                            + " and b.open_receipt_seq < coalesce(a.close_receipt_seq, 9223372036854775807)"));

    private final DataSource dataSource;

    public AuditService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public AuditReport run() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try {
                List<AuditCheck> checks = new ArrayList<>();
                for (Rule rule : RULES) {
                    checks.add(check(connection, rule));
                }
                return new AuditReport(checks, openDiscrepancies(connection));
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("the audit could not read the store database: " + e.getMessage(), e);
        }
    }

    private static long openDiscrepancies(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from offline_conflict where resolved_at is null"); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static AuditCheck check(Connection connection, Rule rule) throws SQLException {
        long problems = 0;
        List<String> examples = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(rule.sql()); ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                problems++;
                if (examples.size() < 10) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.append(i > 1 ? ", " : "").append(meta.getColumnLabel(i)).append('=').append(rs.getString(i));
                    }
                    examples.add(row.toString());
                }
            }
        }
        return new AuditCheck(rule.name(), rule.description(), problems, examples);
    }
}
