-- Issue 11: split tender. A sale may be paid by several payments (cash, card, more than one card):
-- each is a row of sale_payment, in the order taken, with what it paid toward the sale and, for
-- cash, what was handed over (tendered - amount is its change). The sale keeps what cash and cards
-- paid in all (the Z report and the sales report add those up) and the store's cash rounding, its
-- own line: cash_paid + card_paid = total + cash_rounding, always. `sweetshop audit` checks that each
-- sale's rows add up to its sums (sale-payments-sum-to-total).
-- The single payment column of V1 (CASH/CARD) and its tendered/change_given give way; each sale made
-- before gets its one row.
create table sale_payment (
    sale_id  uuid           not null references sale (id),
    seq      integer        not null,
    method   varchar(8)     not null,
    amount   numeric(12, 2) not null,
    tendered numeric(12, 2),
    constraint sale_payment_pk primary key (sale_id, seq),
    constraint sale_payment_seq_ck check (seq between 1 and 8),
    constraint sale_payment_method_ck check (method in ('CASH', 'CARD')),
    constraint sale_payment_amount_ck check (amount >= 0),
    -- cash has what was handed over, which covers its part; a card has none
    constraint sale_payment_tendered_ck check ((method = 'CASH') = (tendered is not null) and (tendered is null or tendered >= amount))
);

alter table sale add column cash_paid numeric(12, 2) not null default 0,
    add column card_paid numeric(12, 2) not null default 0,
    add column cash_rounding numeric(12, 2) not null default 0;

insert into sale_payment (sale_id, seq, method, amount, tendered)
select id, 1, payment, total, case when payment = 'CASH' then tendered end from sale;
update sale set cash_paid = case when payment = 'CASH' then total else 0 end,
    card_paid = case when payment = 'CARD' then total else 0 end;

-- sale_guard refuses every update of a sale; the backfill above is the migration's own
alter table sale drop column payment, drop column tendered, drop column change_given;
alter table sale alter column cash_paid drop default, alter column card_paid drop default;
alter table sale add constraint sale_paid_ck check (cash_paid >= 0 and card_paid >= 0
        and cash_paid + card_paid = total + cash_rounding),
    -- the cash rounding is at most half the largest step (0.10)
    add constraint sale_cash_rounding_ck check (cash_rounding between -0.05 and 0.05);

grant select, insert on sale_payment to sweetshop_till;

-- The Z report counts each method's payments and shows the cash rounding: what cash and cards took
-- is the net plus the rounding (the net keeps V16's tax added at the total). Shifts closed before get their counts from their sales' payments.
alter table shift add column cash_payments integer, add column card_payments integer,
    add column cash_rounding numeric(14, 2);
update shift sh set cash_rounding = 0,
    cash_payments = (select count(*) from sale s join sale_payment p on p.sale_id = s.id where s.till = sh.till
        and s.receipt_seq > sh.open_receipt_seq and s.receipt_seq <= sh.close_receipt_seq and p.method = 'CASH'),
    card_payments = (select count(*) from sale s join sale_payment p on p.sale_id = s.id where s.till = sh.till
        and s.receipt_seq > sh.open_receipt_seq and s.receipt_seq <= sh.close_receipt_seq and p.method = 'CARD')
    where sh.closed_at is not null;
alter table shift drop constraint shift_net_ck,
    add constraint shift_net_ck check (tax_added >= 0 and net = gross - coupon_discounts - promo_discounts + tax_added
        and cash_sales + card_sales = net + cash_rounding),
    add constraint shift_payments_ck check ((closed_at is null) = (cash_payments is null)
        and (closed_at is null) = (card_payments is null) and (closed_at is null) = (cash_rounding is null)
        and cash_payments >= 0 and card_payments >= 0);
