-- Issue 11: taxes (VAT). The rule itself is common.TaxSplit's (docs/DESIGN.md, Money: taxes).
--
--   * tax_rate: a code (STD), a name (Standard), a rate in percent (20.00, 0 to 100, two decimals at
--     most); exactly one is the default a new sweet gets. Rates are never changed once made (no role
--     but the owner has UPDATE or DELETE): a sale keeps the code, name and rate it was taxed at anyway.
--   * sweet.tax_code: every sweet has a rate; the existing ones get the default (STD). A sweet inserted
--     without one gets the default rate's (sweet_tax_default).
--   * sale_line.tax_code, tax_rate: the rate each line was sold at, frozen at checkout.
--   * sale.tax_added: the tax added at the total when prices exclude tax (US style); 0 when prices
--     include it (the default). total = subtotal - coupon - promo + tax_added (sale_total_ck).
--   * sale_tax: per sale and rate, net + tax = gross; the gross of a sale's rates add up to its total
--     (sale_taxes_match_total, at commit). refund_tax: the same for what a refund gives back, adding up
--     to its amount (refund_taxes_match_amount).
--
-- The sales and refunds made before this migration were made at prices including tax with every sweet
-- at the default rate: they get their tax lines here, by the same rule (half-even to the cent; a refund
-- reverses the sale's tax in proportion to what it gave back, cumulatively).

create table tax_rate (
    code       varchar(8)    primary key,
    name       varchar(40)   not null,
    rate       numeric(5, 2) not null,
    is_default boolean       not null default false,
    created_at timestamp(6) with time zone not null default current_timestamp,
    constraint tax_rate_code_ck check (code ~ '^[A-Z0-9]{1,8}$'),
    constraint tax_rate_name_ck check (length(btrim(name)) between 1 and 40),
    constraint tax_rate_rate_ck check (rate >= 0 and rate <= 100)
);
-- at most one default (partial unique index); the seed below makes one, and nothing unmakes it
create unique index tax_rate_one_default_uq on tax_rate (is_default) where is_default;

insert into tax_rate (code, name, rate, is_default) values
    ('STD', 'Standard', 20.00, true),
    ('RED', 'Reduced', 5.00, false),
    ('ZERO', 'Zero', 0.00, false);

alter table sweet add column tax_code varchar(8);
update sweet set tax_code = 'STD';
alter table sweet alter column tax_code set not null;
alter table sweet add constraint sweet_tax_code_fk foreign key (tax_code) references tax_rate (code);

create function sweet_tax_default() returns trigger language plpgsql as $$
begin
    if new.tax_code is null then
        select code into new.tax_code from tax_rate where is_default;
    end if;
    return new;
end
$$;
create trigger sweet_tax_default before insert on sweet for each row execute function sweet_tax_default();

-- the rate a line was sold at (existing lines: the default's, as their sweets)
alter table sale_line add column tax_code varchar(8);
alter table sale_line add column tax_rate numeric(5, 2);
update sale_line set tax_code = 'STD', tax_rate = 20.00;
alter table sale_line alter column tax_code set not null;
alter table sale_line alter column tax_rate set not null;
alter table sale_line add constraint sale_line_tax_rate_ck check (tax_rate >= 0 and tax_rate <= 100);

-- a sale line changes only in its refunded count (V9), its rate included
create or replace function sale_line_guard() returns trigger language plpgsql as $$
begin
    if sweetshop_privileged(tg_relid) then
        return new;
    end if;
    if (new.id, new.sale_id, new.line_no, new.sweet_id, new.sku, new.name, new.unit_price, new.quantity, new.line_total,
        new.sold_by, new.tax_code, new.tax_rate)
            is distinct from (old.id, old.sale_id, old.line_no, old.sweet_id, old.sku, old.name, old.unit_price, old.quantity,
                              old.line_total, old.sold_by, old.tax_code, old.tax_rate) then
        raise exception 'a sale line is never changed once made' using errcode = '42501';
    end if;
    if new.refunded < old.refunded then
        raise exception 'a refund is never taken back' using errcode = '42501';
    end if;
    return new;
end
$$;

-- a constant default: adding it rewrites nothing
alter table sale add column tax_added numeric(12, 2) not null default 0;
alter table sale drop constraint sale_total_ck;
alter table sale add constraint sale_total_ck check (tax_added >= 0
    and total = subtotal - coupon_discount - promo_discount + tax_added);

-- a shift's Z report: its net (the sales' totals) is gross - discounts + the tax added at the totals
alter table shift add column tax_added numeric(14, 2) not null default 0;
alter table shift drop constraint shift_net_ck;
alter table shift add constraint shift_net_ck check (tax_added >= 0
    and net = gross - coupon_discounts - promo_discounts + tax_added and net = cash_sales + card_sales);

create table sale_tax (
    sale_id uuid           not null references sale (id),
    code    varchar(8)     not null references tax_rate (code),
    name    varchar(40)    not null,
    rate    numeric(5, 2)  not null,
    net     numeric(12, 2) not null,
    tax     numeric(12, 2) not null,
    gross   numeric(12, 2) not null,
    constraint sale_tax_pk primary key (sale_id, code),
    constraint sale_tax_rate_ck check (rate >= 0 and rate <= 100),
    constraint sale_tax_amounts_ck check (net >= 0 and tax >= 0 and net + tax = gross)
);

create table refund_tax (
    refund_id bigint         not null references refund (id),
    code      varchar(8)     not null references tax_rate (code),
    name      varchar(40)    not null,
    rate      numeric(5, 2)  not null,
    net       numeric(12, 2) not null,
    tax       numeric(12, 2) not null,
    gross     numeric(12, 2) not null,
    constraint refund_tax_pk primary key (refund_id, code),
    constraint refund_tax_rate_ck check (rate >= 0 and rate <= 100),
    constraint refund_tax_amounts_ck check (net >= 0 and tax >= 0 and net + tax = gross)
);

-- the backfill, by the rule: half-even to the cent (PostgreSQL's round is half away from zero)
create function sweetshop_half_even(x numeric) returns numeric language sql immutable as $$
    select (case when x * 100 - floor(x * 100) > 0.5 then floor(x * 100) + 1
                 when x * 100 - floor(x * 100) < 0.5 then floor(x * 100)
                 else floor(x * 100) + mod(floor(x * 100), 2) end) / 100
$$;

insert into sale_tax (sale_id, code, name, rate, net, tax, gross)
select s.id, 'STD', 'Standard', 20.00, s.total - t.tax, t.tax, s.total
from sale s cross join lateral (select cast(sweetshop_half_even(s.total * 20 / 120) as numeric(12, 2)) as tax) t;

insert into refund_tax (refund_id, code, name, rate, net, tax, gross)
select r.id, 'STD', 'Standard', 20.00, r.amount - r.tax, r.tax, r.amount
from (select f.id, f.amount,
             case when st.gross = 0 then 0
                  else sweetshop_half_even(st.tax * f.after / st.gross) - sweetshop_half_even(st.tax * (f.after - f.amount) / st.gross)
             end as tax
      from (select id, sale_id, amount, sum(amount) over (partition by sale_id order by id) as after from refund) f
      join sale_tax st on st.sale_id = f.sale_id) r;

drop function sweetshop_half_even(numeric);

-- At commit: a sale's tax lines add up to its total, a refund's to its amount. Like V9's guards they
-- bind every role but the owner (`sweetshop audit` checks the same for everyone: tax-lines-sum-to-totals).
create function sale_taxes_match_total() returns trigger language plpgsql as $$
declare
    wanted numeric;
    lines  numeric;
begin
    if sweetshop_privileged(tg_relid) then
        return null;
    end if;
    select total into wanted from sale where id = new.sale_id;
    select coalesce(sum(gross), 0) into lines from sale_tax where sale_id = new.sale_id;
    if wanted <> lines then
        raise exception 'the tax lines of sale % add up to %, not its total %', new.sale_id, lines, wanted
            using errcode = '23514', constraint = 'sale_taxes_match_total';
    end if;
    return null;
end
$$;
create function sale_taxes_match_total_of_sale() returns trigger language plpgsql as $$
declare
    lines numeric;
begin
    if sweetshop_privileged(tg_relid) then
        return null;
    end if;
    select coalesce(sum(gross), 0) into lines from sale_tax where sale_id = new.id;
    if new.total <> lines then
        raise exception 'the tax lines of sale % add up to %, not its total %', new.id, lines, new.total
            using errcode = '23514', constraint = 'sale_taxes_match_total';
    end if;
    return null;
end
$$;
create constraint trigger sale_taxes_match_total after insert on sale_tax
    deferrable initially deferred for each row execute function sale_taxes_match_total();
create constraint trigger sale_taxes_match_total_of_sale after insert on sale
    deferrable initially deferred for each row execute function sale_taxes_match_total_of_sale();

create function refund_taxes_match_amount() returns trigger language plpgsql as $$
declare
    wanted numeric;
    lines  numeric;
    which  bigint;
begin
    if sweetshop_privileged(tg_relid) then
        return null;
    end if;
    if tg_table_name = 'refund' then
        which := new.id;
    else
        which := new.refund_id;
    end if;
    select amount into wanted from refund where id = which;
    select coalesce(sum(gross), 0) into lines from refund_tax t where t.refund_id = which;
    if wanted <> lines then
        raise exception 'the tax lines of refund % add up to %, not its amount %', which, lines, wanted
            using errcode = '23514', constraint = 'refund_taxes_match_amount';
    end if;
    return null;
end
$$;
create constraint trigger refund_taxes_match_amount after insert on refund_tax
    deferrable initially deferred for each row execute function refund_taxes_match_amount();
create constraint trigger refund_taxes_match_amount_of_refund after insert on refund
    deferrable initially deferred for each row execute function refund_taxes_match_amount();

-- a tax rate added is a catalogue change, audit-logged (staff.AuditAction TAX_RATE_ADD, TAX_CHANGE)
alter table audit_log drop constraint audit_log_action_ck;
alter table audit_log add constraint audit_log_action_ck check (action in ('SWEET_ADD', 'PRICE_CHANGE', 'SKU_CHANGE',
    'NAME_CHANGE', 'CATEGORY_CHANGE', 'REORDER_LEVEL_CHANGE', 'SWEET_DEACTIVATE', 'CATALOG_IMPORT', 'DELIVERY_IMPORT',
    'STAFF_REGISTER', 'STAFF_DEACTIVATE', 'PASSWORD_RESET', 'BARCODE_ADD', 'PLU_CHANGE', 'SETTING_CHANGE', 'DRAWER_OPEN',
    'TAX_RATE_ADD', 'TAX_CHANGE'));

-- a till reads the rates and writes the tax lines of its sales and refunds (append only); the back
-- office adds rates (and sets a sweet's, through its UPDATE on sweet)
grant select on tax_rate, sale_tax, refund_tax to sweetshop_till;
grant insert on sale_tax, refund_tax to sweetshop_till;
grant insert on tax_rate to sweetshop_office;
