-- Selling offline (issue 9), review: V10 let a till insert an offline conflict already resolved
-- (resolved_by, resolved_at, resolution filled), which would hide a sale recorded without stock
-- movements from the audit and from the manager's list of open discrepancies. A replay always
-- records a conflict open; only the back office resolves it (an update, guarded by V10's
-- offline_conflict_guard: once, never rewritten). The insert privilege stays on every column
-- (the ORM writes the resolved_* columns as nulls), so a guard refuses the rest.
create function offline_conflict_insert_guard() returns trigger language plpgsql as $$
begin
    if sweetshop_privileged(tg_relid) then
        return new;
    end if;
    if new.resolved_by is not null or new.resolved_at is not null or new.resolution is not null then
        raise exception 'an offline conflict is recorded open; only the back office resolves it' using errcode = '42501';
    end if;
    return new;
end
$$;
create trigger offline_conflict_insert_guard before insert on offline_conflict for each row
    execute function offline_conflict_insert_guard();
