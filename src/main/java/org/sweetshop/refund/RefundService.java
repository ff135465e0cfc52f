package org.sweetshop.refund;

import org.sweetshop.common.RefundRefusedException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.stock.MovementKind;
import org.sweetshop.stock.StockLedger;
import org.sweetshop.catalog.Sweet;
import org.sweetshop.catalog.Sweets;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.LockOrder;
import org.sweetshop.common.Money;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.Texts;
import org.sweetshop.common.TillNames;
import org.sweetshop.db.ConstraintViolation;
import org.sweetshop.db.Transactor;
import org.sweetshop.sale.ReceiptNumber;
import org.sweetshop.sale.SaleService;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/**
 * Refunds: a manager gives back a receipt, whole or some of its items.
 *
 * <p>One transaction locks ({@code PESSIMISTIC_WRITE}, i.e. {@code FOR NO KEY UPDATE}, bounded by
 * {@code lock_timeout}) the sale's row first, then the sweets of the lines refunded in ascending id
 * order; checks under those locks what is left to refund; puts the stock back with REFUND movements;
 * and writes the refund, its lines and the sale lines' {@code refunded} counters. Two refunds of one
 * receipt queue on the sale's row, so the second sees what the first refunded. Checkout never locks
 * an existing sale, so refunds racing sales of the same sweets cannot deadlock (DESIGN.md, Refunds).
 *
 * <p>Rules: an empty item list refunds the whole receipt, and is refused once anything of it was
 * refunded; items refund up to what is left of each line, in as many refunds as wanted. A coupon
 * redeemed by the sale stays redeemed and a promo use stays used.
 */
public final class RefundService {

    private static final Logger LOG = LoggerFactory.getLogger(RefundService.class);

    public static final int MAX_ITEMS = SaleService.MAX_LINES;

    private final Transactor tx;
    private final Clock clock;

    public RefundService(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    private record SaleRow(UUID id, String receiptNo, BigDecimal total) {
    }

    private record LineRow(long id, int lineNo, long sweetId, String sku, String name, int quantity, int refunded,
                           BigDecimal lineTotal) {
        int left() {
            return quantity - refunded;
        }
    }

    /**
     * Refunds {@code items} of the receipt, or the whole receipt when {@code items} is empty or null.
     * Managers and owners only.
     */
    public RefundView refund(Caller manager, String receiptNo, List<RefundLine> items, String till, String reason) {
        Caller.require(manager, Role.MANAGER, "refund a sale");
        ReceiptNumber number = ReceiptNumber.parse(receiptNo);
        Map<String, Integer> wanted = validate(items);
        String where = TillNames.optional(till);
        String why = reason == null || reason.isBlank() ? null : Texts.requireText("reason", reason, 200);
        try {
            RefundView view = tx.call(em -> refund(em, manager, number, wanted, where, why));
            LOG.info("refund {} of receipt {} by {}: {}", view.id(), view.receiptNo(), manager.username(), view.amount());
            return view;
        } catch (ConstraintViolation violation) {
            // the locks make these unreachable; the constraints stand behind them
            if (violation.is("sale_line_refunded_ck") || violation.is("refund_whole_uq")) {
                throw RefundRefusedException.alreadyRefunded(number.toString());
            }
            throw violation;
        }
    }

    private RefundView refund(EntityManager em, Caller manager, ReceiptNumber number, Map<String, Integer> wanted,
                              String till, String reason) {
        StaffService.requireActive(em, manager);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Session session = em.unwrap(Session.class);
        String receiptNo = number.toString();

        // 1. the sale's row: refunds of one receipt queue here
        SaleRow sale = Transactor.lock(LockOrder.SALE, () -> session.doReturningWork(c -> lockSale(c, number)),
                () -> "receipt " + receiptNo + " is being refunded at another till");
        if (sale == null) {
            throw new NotFoundException("receipt", receiptNo, "unknown receipt: there is no receipt " + receiptNo);
        }
        List<LineRow> lines = session.doReturningWork(c -> lines(c, sale.id()));

        // what to refund, line by line, checked against what is left under the lock
        Map<LineRow, Integer> refunding = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            if (lines.stream().anyMatch(l -> l.refunded() > 0)) {
                throw RefundRefusedException.alreadyRefunded(receiptNo);
            }
            lines.forEach(l -> refunding.put(l, l.quantity()));
        } else {
            for (Map.Entry<String, Integer> item : wanted.entrySet()) {
                LineRow line = lines.stream().filter(l -> l.sku().equals(item.getKey())).findFirst()
                        .orElseThrow(() -> RefundRefusedException.notInSale(receiptNo, item.getKey()));
                if (line.left() == 0) {
                    throw RefundRefusedException.itemAlreadyRefunded(receiptNo, line.sku());
                }
                if (item.getValue() > line.left()) {
                    throw RefundRefusedException.moreThanSold(receiptNo, line.sku(), item.getValue(), line.left());
                }
                refunding.put(line, item.getValue());
            }
        }

        // 2. the sweets, ascending id; the stock goes back through REFUND movements naming the sale
        TreeSet<Long> sweetIds = new TreeSet<>();
        refunding.keySet().forEach(l -> sweetIds.add(l.sweetId()));
        String skus = String.join(", ", refunding.keySet().stream().map(LineRow::sku).toList());
        Map<Long, Sweet> sweets = new LinkedHashMap<>();
        for (Sweet sweet : Sweets.lockByIdsInIdOrder(em, sweetIds, skus)) {
            sweets.put(sweet.getId(), sweet);
        }
        String movementReason = reason == null ? "refund of " + receiptNo : reason;
        for (Sweet sweet : sweets.values()) {
            int quantity = refunding.entrySet().stream().filter(e -> e.getKey().sweetId() == sweet.getId())
                    .mapToInt(Map.Entry::getValue).sum();
            StockLedger.record(em, sweet, quantity, MovementKind.REFUND, manager.staffId(), till, movementReason, sale.id(), now);
        }

        // the money: each line's share of what was paid (RefundMoney)
        List<BigDecimal> paid = RefundMoney.paidPerLine(sale.total(), lines.stream().map(LineRow::lineTotal).toList());
        List<RefundedItem> items = new ArrayList<>();
        Map<LineRow, BigDecimal> amounts = new LinkedHashMap<>();
        BigDecimal amount = Money.ZERO;
        for (Map.Entry<LineRow, Integer> e : refunding.entrySet()) {
            LineRow line = e.getKey();
            BigDecimal back = RefundMoney.refundOf(paid.get(lines.indexOf(line)), line.quantity(), line.refunded(), e.getValue());
            amounts.put(line, back);
            amount = amount.add(back);
            items.add(new RefundedItem(line.sku(), line.name(), e.getValue(), back));
        }
        boolean whole = wanted.isEmpty();
        BigDecimal total = amount;
        long id = session.doReturningWork(c -> write(c, sale, manager, till, now, total, whole, reason, refunding, amounts));
        return new RefundView(id, receiptNo, till, manager.username(), now, whole, items, amount, reason);
    }

    /** The refunds of a receipt, oldest first. */
    public List<RefundView> refundsOf(String receiptNo) {
        ReceiptNumber number = ReceiptNumber.parse(receiptNo);
        String printed = number.toString();
        return tx.call(em -> em.unwrap(Session.class).doReturningWork(c -> {
            Map<Long, RefundView> refunds = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("select r.id, r.till, st.username, r.created_at, r.whole, r.amount, r.reason"
                    + " from refund r join sale s on s.id = r.sale_id join staff st on st.id = r.staff_id"
                    + " where s.till = ? and s.receipt_seq = ? order by r.id")) {
                s.setString(1, number.till());
                s.setLong(2, number.seq());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        refunds.put(rs.getLong(1), new RefundView(rs.getLong(1), printed, rs.getString(2), rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getBoolean(5), new ArrayList<>(),
                                rs.getBigDecimal(6), rs.getString(7)));
                    }
                }
            }
            if (refunds.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement s = c.prepareStatement("select rl.refund_id, l.sku, l.name, rl.quantity, rl.amount"
                    + " from refund_line rl join sale_line l on l.id = rl.sale_line_id join refund r on r.id = rl.refund_id"
                    + " join sale s on s.id = r.sale_id where s.till = ? and s.receipt_seq = ? order by rl.refund_id, l.line_no")) {
                s.setString(1, number.till());
                s.setLong(2, number.seq());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        refunds.get(rs.getLong(1)).items().add(new RefundedItem(rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getBigDecimal(5)));
                    }
                }
            }
            return refunds.values().stream()
                    .map(r -> new RefundView(r.id(), r.receiptNo(), r.till(), r.manager(), r.createdAt(), r.whole(),
                            List.copyOf(r.items()), r.amount(), r.reason()))
                    .toList();
        }));
    }

    private static Map<String, Integer> validate(List<RefundLine> items) {
        Map<String, Integer> merged = new LinkedHashMap<>();
        if (items == null) {
            return merged;
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidInputException("items", "a refund holds at most " + MAX_ITEMS + " items");
        }
        for (RefundLine item : items) {
            if (item == null) {
                throw new InvalidInputException("items", "an item to refund is missing");
            }
            String sku = Sweets.requireSku(item.sku());
            int quantity = Texts.requireRange("quantity of " + sku, item.quantity(), 1, SaleService.MAX_QUANTITY);
            int total = merged.merge(sku, quantity, Integer::sum);
            Texts.requireRange("quantity of " + sku, total, 1, SaleService.MAX_QUANTITY);
        }
        return merged;
    }

    private static SaleRow lockSale(Connection c, ReceiptNumber number) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select id, total from sale where till = ? and receipt_seq = ? for no key update")) {
            s.setString(1, number.till());
            s.setLong(2, number.seq());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new SaleRow(rs.getObject(1, UUID.class), number.toString(), rs.getBigDecimal(2)) : null;
            }
        }
    }

    private static List<LineRow> lines(Connection c, UUID saleId) throws SQLException {
        List<LineRow> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, line_no, sweet_id, sku, name, quantity, refunded, line_total"
                + " from sale_line where sale_id = ? order by line_no")) {
            s.setObject(1, saleId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(new LineRow(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8)));
                }
            }
        }
        return lines;
    }

    private static long write(Connection c, SaleRow sale, Caller manager, String till, Instant now, BigDecimal amount,
                              boolean whole, String reason, Map<LineRow, Integer> refunding, Map<LineRow, BigDecimal> amounts)
            throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("insert into refund (sale_id, till, staff_id, created_at, amount, whole, reason)"
                + " values (?, ?, ?, ?, ?, ?, ?) returning id")) {
            s.setObject(1, sale.id());
            s.setString(2, till);
            s.setLong(3, manager.staffId());
            s.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            s.setBigDecimal(5, amount);
            s.setBoolean(6, whole);
            s.setString(7, reason);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement lines = c.prepareStatement("insert into refund_line (refund_id, sale_line_id, sweet_id, quantity, amount)"
                + " values (?, ?, ?, ?, ?)");
             PreparedStatement counters = c.prepareStatement("update sale_line set refunded = refunded + ? where id = ?")) {
            for (Map.Entry<LineRow, Integer> e : refunding.entrySet()) {
                lines.setLong(1, id);
                lines.setLong(2, e.getKey().id());
                lines.setLong(3, e.getKey().sweetId());
                lines.setInt(4, e.getValue());
                lines.setBigDecimal(5, amounts.get(e.getKey()));
                lines.addBatch();
                counters.setInt(1, e.getValue());
                counters.setLong(2, e.getKey().id());
                counters.addBatch();
            }
            lines.executeBatch();
            counters.executeBatch();
        }
        return id;
    }
}
