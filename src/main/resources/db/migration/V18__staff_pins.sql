-- Issue 11: staff PINs and a manager's approval at the till (staff.StaffService: setPin, unlock, approve).
--
-- A PIN is 4 to 6 digits, kept only as its Argon2id hash (like the password), with a failure count
-- and a lock-out of its own: five wrong PINs in a row lock the PIN (not the password) for 15
-- minutes. A till counts PIN failures, as it counts log-in failures, and nothing else of it.
alter table staff add column pin_hash varchar(255);
alter table staff add column pin_failures integer not null default 0;
alter table staff add column pin_locked_until timestamp(6) with time zone;
alter table staff add constraint staff_pin_failures_ck check (pin_failures >= 0);

-- a till counts PIN failures (unlocking, approving); setting a PIN is the back office's (V9: insert, update on staff)
grant update (pin_failures, pin_locked_until) on staff to sweetshop_till;

-- A till cannot lift a lock-out that is still running, the password's (V9) or the PIN's.
create or replace function staff_guard() returns trigger language plpgsql as $$
begin
    if sweetshop_privileged(tg_relid) or not sweetshop_till_only() then
        return new;
    end if;
    if old.locked_until is not null and old.locked_until > current_timestamp
            and (new.locked_until is null or new.locked_until < old.locked_until) then
        raise exception 'a till cannot lift a lock-out' using errcode = '42501';
    end if;
    if old.pin_locked_until is not null and old.pin_locked_until > current_timestamp
            and (new.pin_locked_until is null or new.pin_locked_until < old.pin_locked_until) then
        raise exception 'a till cannot lift a lock-out' using errcode = '42501';
    end if;
    return new;
end
$$;

-- New audit actions: PIN_SET and PIN_CLEAR (never the PIN), APPROVAL (a manager's PIN approved a
-- cashier's action at a till). The check's list is extended as it stands, whatever the migrations
-- before this one put in it, rather than written out again.
do $$
declare
    actions text;
begin
    select string_agg(quote_literal(a), ', ' order by a) into actions
    from (select m[1] as a
          from pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([A-Z_]+)''', 'g') as m
          where c.conname = 'audit_log_action_ck' and c.conrelid = 'audit_log'::regclass
          union
          select unnest(array['PIN_SET', 'PIN_CLEAR', 'APPROVAL'])) listed;
    alter table audit_log drop constraint audit_log_action_ck;
    execute format('alter table audit_log add constraint audit_log_action_ck check (action in (%s))', actions);
end
$$;

-- A till writes drawer openings (V15) and the approvals given at it; nothing else.
create or replace function audit_log_till_guard() returns trigger language plpgsql as $$
begin
    if sweetshop_privileged(tg_relid) or not sweetshop_till_only() or new.action in ('DRAWER_OPEN', 'APPROVAL') then
        return new;
    end if;
    raise exception 'a till writes only drawer openings and approvals to the audit log' using errcode = '42501';
end
$$;
