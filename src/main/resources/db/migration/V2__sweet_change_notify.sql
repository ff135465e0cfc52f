-- Live stock: every committed change to what a till's grid shows about a sweet is announced on
-- channel 'sweet_changed' (LISTEN/NOTIFY), so tills are told, not polling.
--
-- Payload: one compact JSON object per changed row, everything a till needs to redraw the sweet
-- without a query (a new sweet included):
--   {"id" : 7, "sku" : "SL", "name" : "Sherbet lemons", "category" : "Boiled",
--    "stock" : 42, "price" : 1.20, "active" : true}
-- Parsed by org.sweetshop.catalog.SweetChanges. NOTIFY is transactional: listeners hear it only
-- when (and if) the transaction commits. The longest payload (64 + 120 + 60 characters of text)
-- stays far below NOTIFY's 8000-byte limit.
--
-- Cost: a row trigger per changed sweet (a checkout of three sweets notifies three times);
-- updates that touch none of the shown columns (e.g. reorder_level alone) notify nothing. Every
-- notifying commit takes one global lock on the notification queue at commit time, which
-- serialises those commits (see docs/DESIGN.md, Live stock).
create function sweet_notify_change() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('sweet_changed', json_build_object(
            'id', new.id, 'sku', new.sku, 'name', new.name, 'category', new.category,
            'stock', new.stock, 'price', new.price, 'active', new.active)::text);
    return null;
end
$$;

create trigger sweet_changed_on_insert
    after insert on sweet
    for each row execute function sweet_notify_change();

create trigger sweet_changed_on_update
    after update on sweet
    for each row
    when ((old.sku, old.name, old.category, old.price, old.stock, old.active)
          is distinct from (new.sku, new.name, new.category, new.price, new.stock, new.active))
    execute function sweet_notify_change();
