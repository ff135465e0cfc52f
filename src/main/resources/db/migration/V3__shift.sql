-- Shifts at a till: opened with a cash float, closed with the counted cash. The Z report's figures
-- are frozen on the row when the shift closes, so a reprint shows what was printed at the close.
--
-- Which sales belong to a shift is fixed by the till's receipt counter, not by clocks: the counter's
-- value is read under its row lock when the shift opens (open_receipt_seq) and when it closes
-- (close_receipt_seq), and the shift's sales are that till's receipts numbered in between
-- (open_receipt_seq < receipt_seq <= close_receipt_seq). Checkout holds the counter row's lock until it
-- commits, so no sale is ever half in a shift.

create sequence shift_seq start with 1 increment by 50;
create table shift (
    id                bigint primary key,
    till              varchar(32)    not null,
    opened_by         bigint         not null references staff (id),
    opened_at         timestamp(6) with time zone not null,
    opening_float     numeric(12, 2) not null,
    open_receipt_seq  bigint         not null,
    closed_by         bigint references staff (id),
    closed_at         timestamp(6) with time zone,
    counted_cash      numeric(12, 2),
    close_receipt_seq bigint,
    -- the Z report, frozen at the close
    sales             integer,
    gross             numeric(14, 2),
    coupon_discounts  numeric(14, 2),
    promo_discounts   numeric(14, 2),
    net               numeric(14, 2),
    cash_sales        numeric(14, 2),
    card_sales        numeric(14, 2),
    first_receipt_seq bigint,
    last_receipt_seq  bigint,
    constraint shift_opening_float_ck check (opening_float >= 0),
    constraint shift_open_receipt_seq_ck check (open_receipt_seq >= 0),
    -- a shift is open (nothing of the close set) or closed (everything of the close set)
    constraint shift_closed_all_or_nothing_ck check (
        (closed_by is null and closed_at is null and counted_cash is null and close_receipt_seq is null
            and sales is null and gross is null and coupon_discounts is null and promo_discounts is null
            and net is null and cash_sales is null and card_sales is null
            and first_receipt_seq is null and last_receipt_seq is null)
        or (closed_by is not null and closed_at is not null and counted_cash is not null and close_receipt_seq is not null
            and sales is not null and gross is not null and coupon_discounts is not null and promo_discounts is not null
            and net is not null and cash_sales is not null and card_sales is not null)),
    constraint shift_closed_after_opened_ck check (closed_at is null or closed_at >= opened_at),
    constraint shift_close_receipt_seq_ck check (close_receipt_seq is null or close_receipt_seq >= open_receipt_seq),
    constraint shift_amounts_ck check (counted_cash >= 0 and gross >= 0 and coupon_discounts >= 0 and promo_discounts >= 0
        and net >= 0 and cash_sales >= 0 and card_sales >= 0),
    constraint shift_sales_ck check (sales >= 0 and sales <= close_receipt_seq - open_receipt_seq),
    constraint shift_net_ck check (net = gross - coupon_discounts - promo_discounts and net = cash_sales + card_sales),
    -- receipts: none when there were no sales, else the first and last inside the shift's range
    constraint shift_receipts_ck check (
        (sales = 0 and first_receipt_seq is null and last_receipt_seq is null)
        or (sales > 0 and first_receipt_seq > open_receipt_seq and first_receipt_seq <= last_receipt_seq
            and last_receipt_seq <= close_receipt_seq))
);
-- at most one open shift per till (partial: closed shifts are many)
create unique index shift_one_open_per_till_uq on shift (till) where closed_at is null;
-- the shifts of a till, latest first (current shift, reports)
create index shift_till_opened_idx on shift (till, opened_at);
