-- Selling offline (issue 9): a sale a till made while the store database was unreachable, replayed
-- later, that could no longer be applied as it was (a sweet sold out meanwhile by another till, a
-- sweet taken off sale, a sweet gone). The sale is recorded anyway (the money was taken) with its
-- lines but without stock movements, so stock never goes below zero and the ledger stays a chain;
-- this row says why, until a manager resolves it in the back office (typically after a stocktake).
create table offline_conflict (
    sale_id      uuid primary key references sale (id),
    till         varchar(32) not null,
    sold_at      timestamptz not null,
    replayed_at  timestamptz not null,
    reason       varchar(1000) not null,
    resolved_by  bigint references staff (id),
    resolved_at  timestamptz,
    resolution   varchar(500),
    constraint offline_conflict_resolved_ck check ((resolved_by is null) = (resolved_at is null))
);
create index offline_conflict_open_idx on offline_conflict (sold_at) where resolved_at is null;

-- a till's replay inserts conflicts; the back office resolves them (resolved_* only, once)
grant select, insert on offline_conflict to sweetshop_till;
grant update (resolved_by, resolved_at, resolution) on offline_conflict to sweetshop_office;

create function offline_conflict_guard() returns trigger language plpgsql as $$
begin
    if sweetshop_privileged(tg_relid) then
        return new;
    end if;
    if old.resolved_at is not null then
        raise exception 'an offline conflict is resolved only once' using errcode = '42501';
    end if;
    if (new.sale_id, new.till, new.sold_at, new.replayed_at, new.reason)
            is distinct from (old.sale_id, old.till, old.sold_at, old.replayed_at, old.reason) then
        raise exception 'an offline conflict is never rewritten, only resolved' using errcode = '42501';
    end if;
    return new;
end
$$;
create trigger offline_conflict_guard before update on offline_conflict for each row execute function offline_conflict_guard();
