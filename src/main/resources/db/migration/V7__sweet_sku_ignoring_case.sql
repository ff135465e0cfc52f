-- SKUs are unique ignoring case: `fudge` and `FUDGE` cannot both exist (issue 9). A SKU doubles as
-- a barcode and is typed by people, so two that differ only in case are a mistake waiting to sell
-- the wrong sweet.
--
-- sweet_sku_uq (exact) stays: every lookup by SKU is exact (`where sku in (...)`, checkout's lock
-- query) and uses its index. This index only refuses the second spelling; the services translate
-- its 23505 as they translate sweet_sku_uq's ("already registered"). SKUs are ASCII letters,
-- digits, `.`, `-` and `_` (catalog.Sweets.SKU), so lower() means the same under any collation.
--
-- A catalogue that already holds such SKUs is not changed behind anyone's back (labels and scripts
-- use them): the migration stops, naming them, and changes nothing. The transaction rolls back, so
-- the previous version still opens the store and can rename one of them (`sweet edit --sku`).
do $$
declare
    clashes text;
begin
    select string_agg(skus, '; ' order by skus) into clashes
    from (select string_agg(sku, ', ' order by sku) as skus
          from sweet group by lower(sku) having count(*) > 1) c;
    if clashes is not null then
        raise exception 'SKUs that differ only in case: %. Rename all but one of each (sweet edit --sku) with the previous version, then start this one again', clashes;
    end if;
end
$$;

create unique index sweet_sku_lower_uq on sweet (lower(sku));
