package org.sweetshop.sale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sweetshop.stock.StockMovement;
import org.sweetshop.catalog.Sweet;
import org.sweetshop.common.TaxLine;

/**
 * Writes a checked-out sale in one round trip: the statements below go to PostgreSQL as one
 * pipelined batch (several statements in one prepared statement; pgjdbc sends them with a single
 * sync). Every round trip between locking the sweets and committing is time other tills wait for
 * those sweets: writing through Hibernate took five, this takes one (measured with
 * {@code sweetshop bench checkout}, see docs/DESIGN.md).
 *
 * <ol>
 *   <li>the till's receipt counter ({@link ReceiptCounter#NEXT_NUMBER}): created on its first sale,
 *       else incremented, under its row's lock (last in the lock order: sweets, coupon and promo
 *       are locked before) and returned;
 *   <li>the sale, numbered with it;
 *   <li>its lines, each with the rate it is taxed at;
 *   <li>its tax per rate ({@code sale_tax});
 *   <li>its payments ({@link Tender});
 *   <li>the stock movements;
 *   <li>the sweets' new stock and ledger numbers, as computed under the locks by
 *       {@code StockLedger.change}.
 * </ol>
 *
 * An offline sale that no longer applies ({@link OfflineReplay}) is written with its lines but no
 * movements and no stock change (steps 1 to 5 only).
 *
 * The values come from the entities the domain rules produced; Hibernate maps and validates the
 * same tables everywhere else, and the sale tests read every row back through it.
 */
final class SaleWriter {

    /** The batch by its shape: lines, rates, payments, and whether stock moves. */
    private static final Map<String, String> SQL_BY_SHAPE = new ConcurrentHashMap<>();

    private SaleWriter() {
    }

    /** Writes the sale and returns its receipt number. */
    static long write(Connection connection, Sale sale, List<StockMovement> movements, List<Sweet> sweets) throws SQLException {
        List<SaleLine> lines = sale.lines();
        List<TaxLine> taxes = sale.taxes();
        boolean stock = !movements.isEmpty();
        // an offline sale recorded with a stock discrepancy has no movements and changes no stock
        List<PaymentPart> parts = sale.tender().parts();
        String sql = SQL_BY_SHAPE.computeIfAbsent(lines.size() + "/" + taxes.size() + "/" + parts.size() + "/" + stock,
                shape -> sql(lines.size(), taxes.size(), parts.size(), stock));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = 1;
            statement.setString(p++, sale.till());
            statement.setObject(p++, sale.id());
            statement.setString(p++, sale.till());
            statement.setLong(p++, sale.staffId());
            statement.setObject(p++, utc(sale.createdAt()));
            statement.setBigDecimal(p++, sale.subtotal());
            statement.setBigDecimal(p++, sale.couponDiscount());
            statement.setBigDecimal(p++, sale.promoDiscount());
            statement.setBigDecimal(p++, sale.total());
            setLong(statement, p++, sale.couponId());
            setLong(statement, p++, sale.promoId());
            statement.setBigDecimal(p++, sale.cashPaid());
            statement.setBigDecimal(p++, sale.cardPaid());
            statement.setBigDecimal(p++, sale.cashRounding());
            statement.setBigDecimal(p++, sale.taxAdded());
            for (SaleLine line : lines) {
                ReceiptLine printed = line.receiptLine();
                statement.setObject(p++, sale.id());
                statement.setInt(p++, line.lineNo());
                statement.setLong(p++, line.sweetId());
                statement.setString(p++, printed.sku());
                statement.setString(p++, printed.name());
                statement.setBigDecimal(p++, printed.unitPrice());
                statement.setInt(p++, printed.quantity());
                statement.setBigDecimal(p++, printed.lineTotal());
                statement.setString(p++, line.soldBy().name());
                statement.setString(p++, line.taxCode());
                statement.setBigDecimal(p++, line.taxRate());
            }
            for (TaxLine tax : taxes) {
                statement.setObject(p++, sale.id());
                statement.setString(p++, tax.code());
                statement.setString(p++, tax.name());
                statement.setBigDecimal(p++, tax.rate());
                statement.setBigDecimal(p++, tax.net());
                statement.setBigDecimal(p++, tax.tax());
                statement.setBigDecimal(p++, tax.gross());
            }
            int seq = 1;
            for (PaymentPart part : parts) {
                statement.setObject(p++, sale.id());
                statement.setInt(p++, seq++);
                statement.setString(p++, part.method().name());
                statement.setBigDecimal(p++, part.amount());
                statement.setBigDecimal(p++, part.tendered());
            }
            for (StockMovement movement : movements) {
                statement.setLong(p++, movement.getSweetId());
                statement.setInt(p++, movement.getSeq());
                statement.setString(p++, movement.getKind().name());
                statement.setInt(p++, movement.getQuantity());
                statement.setInt(p++, movement.getStockAfter());
                statement.setLong(p++, movement.getStaffId());
                statement.setString(p++, movement.getTill());
                statement.setString(p++, movement.getReason());
                statement.setObject(p++, movement.getSaleId());
                statement.setObject(p++, utc(movement.getCreatedAt()));
            }
            for (Sweet sweet : sweets) {
                statement.setLong(p++, sweet.getId());
                statement.setInt(p++, sweet.getStock());
                statement.setInt(p++, sweet.getMovements());
            }
            boolean resultSet = statement.execute();
            long receiptSeq;
            if (!resultSet) {
                throw new SQLException("the sale's insert returned no receipt number");
            }
            try (ResultSet numbered = statement.getResultSet()) {
                numbered.next();
                receiptSeq = numbered.getLong(1);
            }
            // drain the other statements' results so that any error among them is raised here
            while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                // nothing to read
            }
            return receiptSeq;
        }
    }

    private static String sql(int lines, int rates, int payments, boolean stock) {
        StringBuilder sql = new StringBuilder()
                .append("with counter as (").append(ReceiptCounter.NEXT_NUMBER).append(")")
                .append(" insert into sale (id, till, receipt_seq, staff_id, created_at, subtotal, coupon_discount, promo_discount,")
                .append(" total, coupon_id, promo_id, cash_paid, card_paid, cash_rounding, tax_added)")
                .append(" select ?, ?, counter.last_number, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from counter returning receipt_seq;\n")
                .append("insert into sale_line (sale_id, line_no, sweet_id, sku, name, unit_price, quantity, line_total, sold_by,")
                .append(" tax_code, tax_rate) values ");
        repeat(sql, lines, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        sql.append(";\ninsert into sale_tax (sale_id, code, name, rate, net, tax, gross) values ");
        repeat(sql, rates, "(?, ?, ?, ?, ?, ?, ?)");
        sql.append(";\ninsert into sale_payment (sale_id, seq, method, amount, tendered) values ");
        repeat(sql, payments, "(?, ?, ?, ?, ?)");
        if (!stock) {
            return sql.toString();
        }
        sql.append(";\ninsert into stock_movement (sweet_id, seq, kind, quantity, stock_after, staff_id, till, reason, sale_id,"
                + " created_at) values ");
        repeat(sql, lines, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        sql.append(";\nupdate sweet set stock = changed.stock, movements = changed.movements from (values ");
        repeat(sql, lines, "(cast(? as bigint), cast(? as integer), cast(? as integer))");
        sql.append(") as changed (id, stock, movements) where sweet.id = changed.id");
        return sql.toString();
    }

    private static void repeat(StringBuilder sql, int times, String tuple) {
        for (int i = 0; i < times; i++) {
            sql.append(i == 0 ? "" : ", ").append(tuple);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
