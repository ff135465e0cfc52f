-- Issue 10: sweets sold by weight, product barcodes, scale labels.
--
-- A sweet is COUNTED (stock, lines and movements in pieces, price per piece) or WEIGHED (stock,
-- lines and movements in whole grams, price per kilogram). Every existing sweet is counted. How a
-- sweet is sold never changes once it exists: its stock and ledger would change meaning.
alter table sweet add column sold_by varchar(8) not null default 'COUNTED';
alter table sweet add constraint sweet_sold_by_ck check (sold_by in ('COUNTED', 'WEIGHED'));
-- the PLU a label scale prints into its labels (5 digits)
alter table sweet add column plu integer;
alter table sweet add constraint sweet_plu_ck check (plu between 1 and 99999);
alter table sweet add constraint sweet_plu_uq unique (plu);

create function sweet_sold_by_fixed() returns trigger language plpgsql as $$
begin
    raise exception 'how sweet % is sold (%) cannot change: its stock and ledger are in that unit', old.sku, old.sold_by
        using errcode = '23514', constraint = 'sweet_sold_by_fixed';
end $$;
create trigger sweet_sold_by_fixed before update of sold_by on sweet for each row
    when (old.sold_by is distinct from new.sold_by) execute function sweet_sold_by_fixed();

-- Product barcodes (EAN-13, EAN-8, UPC-A kept as its EAN-13: common.ProductCode), each on one sweet.
create table sweet_barcode (
    code       varchar(13) primary key,
    sweet_id   bigint      not null references sweet (id),
    created_at timestamp(6) with time zone not null default current_timestamp,
    constraint sweet_barcode_code_ck check (code ~ '^([0-9]{8}|[0-9]{13})$')
);
create index sweet_barcode_sweet_idx on sweet_barcode (sweet_id);

-- A sale line of a weighed sweet: unit_price is per kilogram, quantity grams, and the line is
-- rounded once, half-up to the cent (common.Money.weighedLine).
alter table sale_line add column sold_by varchar(8) not null default 'COUNTED';
alter table sale_line add constraint sale_line_sold_by_ck check (sold_by in ('COUNTED', 'WEIGHED'));
alter table sale_line drop constraint sale_line_total_ck;
alter table sale_line add constraint sale_line_total_ck check (unit_price >= 0 and line_total =
    case sold_by when 'WEIGHED' then round(unit_price * quantity / 1000, 2) else unit_price * quantity end);

grant select on sweet_barcode to sweetshop_till;
grant insert, delete on sweet_barcode to sweetshop_office;                  -- the catalogue's barcodes
