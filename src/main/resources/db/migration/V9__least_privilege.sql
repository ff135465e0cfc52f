-- Least privilege (issue 9). The role that runs the migrations owns the schema and every object in
-- it; it is used by migrations (and by the single-till embedded default, which has no other user).
-- Tills and the back office connect as roles that can do what the services do and nothing else:
--
--   sweetshop_till    a till: log-in counting, checkout (stock, coupon redemption, promo use,
--                     receipt counter), shifts, refunds, restock and stocktake (each with its
--                     stock movement). Each till logs in as its own LOGIN role, a member of this
--                     one (`sweetshop server till add NAME`), so that a stolen till is revoked alone.
--   sweetshop_office  the back office: the till's rights and what managers write (catalogue,
--                     staff, coupon batches, promo codes, imports, the audit log).
--
-- Neither has DDL (they own nothing and may create nothing), TRUNCATE, DELETE, or UPDATE of a
-- ledger (sale, sale_line, stock_movement, refund, refund_line, audit_log); nor TEMP tables.
-- COPY ... PROGRAM needs a superuser or pg_execute_server_program, which they are not given.
-- Owners alone may ALTER TABLE ... DISABLE TRIGGER, so the guards below bind both roles.
--
-- Where a service must UPDATE a row that carries history, grants alone cannot tell the honest
-- update from the forged one; the guard triggers below do (the owner is exempt: it could disable
-- them anyway, and the audit's tests tamper as the owner to prove the audit finds it).
--
-- The group roles are cluster-wide: they are made here when missing (the owner needs CREATEROLE,
-- which `sweetshop server` gives it; on a server of your own, create the two NOLOGIN roles first).

do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'sweetshop_till') then
        create role sweetshop_till nologin;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'sweetshop_office') then
        create role sweetshop_office nologin;
    end if;
    -- nobody else connects or makes temporary tables; the groups may connect
    execute format('revoke connect, temporary on database %I from public', current_database());
    execute format('grant connect on database %I to sweetshop_till, sweetshop_office', current_database());
end
$$;

grant sweetshop_till to sweetshop_office;

revoke create on schema public from public;
grant usage on schema public to sweetshop_till, sweetshop_office;

-- reading: the services read every table (log-in reads staff.password_hash); Flyway reads its history
grant select on store, staff, sweet, stock_movement, coupon, promo, till_counter, sale, sale_line, shift,
    refund, refund_line, audit_log, flyway_schema_history to sweetshop_till;
grant usage on sequence staff_seq, sweet_seq, coupon_seq, promo_seq, shift_seq to sweetshop_till;
-- a backup (a manager's, or the one scheduled at a shift's close) reads every sequence's value
grant select on all sequences in schema public to sweetshop_till;

-- the till's writes
grant update (failed_logins, locked_until) on staff to sweetshop_till;           -- log-in counting
grant update (stock, movements) on sweet to sweetshop_till;                       -- checkout, restock, stocktake, refund
grant insert on stock_movement to sweetshop_till;                                 -- the ledger: append only
grant update on coupon to sweetshop_till;                                         -- redemption (coupon_guard)
grant update on promo to sweetshop_till;                                          -- a use (promo_guard)
grant insert, update (last_number) on till_counter to sweetshop_till;             -- receipt numbers
grant insert on sale, sale_line, refund, refund_line to sweetshop_till;           -- the ledgers: append only
-- a refund locks the sale row (select ... for no key update), which PostgreSQL allows only to a role
-- with UPDATE on some column; sale_guard refuses every actual update
grant update (till) on sale to sweetshop_till;
grant update (refunded) on sale_line to sweetshop_till;                           -- refunds (sale_line_guard)
grant insert, update on shift to sweetshop_till;                                  -- open and close (shift_guard)

-- the back office's writes, on top of the till's
grant insert, update on sweet, staff to sweetshop_office;                         -- catalogue, imports, staff
grant insert on coupon, promo to sweetshop_office;                                -- coupon batches, promo codes
grant insert on audit_log to sweetshop_office;                                    -- append only (audit_log_append_only)
grant update (id) on store to sweetshop_office;                                   -- the first owner's lock (store_single_row_ck)

-- True for the table's owner (and superusers): the guards let it through.
create function sweetshop_privileged(rel oid) returns boolean language sql stable as $$
    select pg_has_role(current_user, c.relowner, 'USAGE') from pg_class c where c.oid = rel
$$;

-- True for a role with no more than a till's rights.
create function sweetshop_till_only() returns boolean language sql stable as $$
    select not pg_has_role(current_user, 'sweetshop_office', 'USAGE')
$$;

-- A sale is never changed once made (its lock is taken, its row never rewritten).
create function sale_guard() returns trigger language plpgsql as $$
begin
    if sweetshop_privileged(tg_relid) then
        return new;
    end if;
    raise exception 'a sale is never changed once made' using errcode = '42501';
end
$$;
create trigger sale_guard before update on sale for each row execute function sale_guard();

-- A sale line changes only in its refunded count, which only goes up, and only together with the
-- refund lines that say so (checked at commit by sale_line_refunds_match).
create function sale_line_guard() returns trigger language plpgsql as $$
begin
    if sweetshop_privileged(tg_relid) then
        return new;
    end if;
    if (new.id, new.sale_id, new.line_no, new.sweet_id, new.sku, new.name, new.unit_price, new.quantity, new.line_total)
            is distinct from (old.id, old.sale_id, old.line_no, old.sweet_id, old.sku, old.name, old.unit_price, old.quantity,
                              old.line_total) then
        raise exception 'a sale line is never changed once made' using errcode = '42501';
    end if;
    if new.refunded < old.refunded then
        raise exception 'a refund is never taken back' using errcode = '42501';
    end if;
    return new;
end
$$;
create trigger sale_line_guard before update on sale_line for each row execute function sale_line_guard();

create function sale_line_refunds_match() returns trigger language plpgsql as $$
declare
    counted integer;
    lines   integer;
begin
    if sweetshop_privileged(tg_relid) then
        return null;
    end if;
    select refunded into counted from sale_line where id = new.id;
    select coalesce(sum(quantity), 0) into lines from refund_line where sale_line_id = new.id;
    if counted <> lines then
        raise exception 'sale line % says % refunded but its refund lines say %', new.id, counted, lines
            using errcode = '23514';
    end if;
    return null;
end
$$;
create constraint trigger sale_line_refunds_match after update of refunded on sale_line
    deferrable initially deferred for each row execute function sale_line_refunds_match();

-- A sweet's stock is its ledger's: at commit, stock equals the stock_after of its last movement
-- (seq = movements), or 0 with no movement. Stock cannot be added (or taken) without a movement.
create function sweet_stock_matches_ledger() returns trigger language plpgsql as $$
declare
    current_stock integer;
    last_seq      integer;
    ledger        integer;
begin
    if sweetshop_privileged(tg_relid) then
        return null;
    end if;
    select stock, movements into current_stock, last_seq from sweet where id = new.id;
    if not found then
        return null;
    end if;
    if last_seq = 0 then
        ledger := 0;
    else
        select stock_after into ledger from stock_movement where sweet_id = new.id and seq = last_seq;
    end if;
    if ledger is null or ledger <> current_stock then
        raise exception 'the stock of sweet % (%) does not match its stock movements (%)', new.id, current_stock,
            coalesce(ledger::text, 'no movement ' || last_seq) using errcode = '23514';
    end if;
    return null;
end
$$;
create constraint trigger sweet_stock_matches_ledger after insert or update of stock, movements on sweet
    deferrable initially deferred for each row execute function sweet_stock_matches_ledger();

create function sweet_ledger_forward() returns trigger language plpgsql as $$
begin
    if not sweetshop_privileged(tg_relid) and new.movements < old.movements then
        raise exception 'a sweet''s movements are never taken back' using errcode = '42501';
    end if;
    return new;
end
$$;
create trigger sweet_ledger_forward before update of movements on sweet for each row execute function sweet_ledger_forward();

-- A redeemed or voided coupon stays so; a till may only redeem an issued coupon.
create function coupon_guard() returns trigger language plpgsql as $$
begin
    if sweetshop_privileged(tg_relid) then
        return new;
    end if;
    if old.status <> 'ISSUED' and new is distinct from old then
        raise exception 'a % coupon is never changed', lower(old.status) using errcode = '42501';
    end if;
    if sweetshop_till_only() and new is distinct from old
            and (new.status <> 'REDEEMED'
                 or (new.id, new.token_hash, new.hint, new.kind, new.amount, new.expires_on, new.issued_at, new.issued_by,
                     new.voided_at)
                    is distinct from (old.id, old.token_hash, old.hint, old.kind, old.amount, old.expires_on, old.issued_at,
                                      old.issued_by, old.voided_at)) then
        raise exception 'a till may only redeem a coupon' using errcode = '42501';
    end if;
    return new;
end
$$;
create trigger coupon_guard before update on coupon for each row execute function coupon_guard();

-- Promo uses never go down; a till may only count one use at a time and change nothing else.
create function promo_guard() returns trigger language plpgsql as $$
begin
    if sweetshop_privileged(tg_relid) then
        return new;
    end if;
    if new.uses < old.uses then
        raise exception 'promo uses are never taken back' using errcode = '42501';
    end if;
    if sweetshop_till_only() and new is distinct from old
            and (new.uses <> old.uses + 1
                 or (new.id, new.code, new.kind, new.amount, new.max_uses, new.valid_from, new.valid_until, new.active,
                     new.created_at, new.created_by)
                    is distinct from (old.id, old.code, old.kind, old.amount, old.max_uses, old.valid_from, old.valid_until,
                                      old.active, old.created_at, old.created_by)) then
        raise exception 'a till may only count a use of a promo code' using errcode = '42501';
    end if;
    return new;
end
$$;
create trigger promo_guard before update on promo for each row execute function promo_guard();

-- A till cannot lift a lock-out that is still running (only the back office's password reset may).
create function staff_guard() returns trigger language plpgsql as $$
begin
    if sweetshop_privileged(tg_relid) or not sweetshop_till_only() then
        return new;
    end if;
    if old.locked_until is not null and old.locked_until > current_timestamp
            and (new.locked_until is null or new.locked_until < old.locked_until) then
        raise exception 'a till cannot lift a lock-out' using errcode = '42501';
    end if;
    return new;
end
$$;
create trigger staff_guard before update on staff for each row execute function staff_guard();

-- Receipt numbers never go back.
create function till_counter_guard() returns trigger language plpgsql as $$
begin
    if not sweetshop_privileged(tg_relid) and new.last_number < old.last_number then
        raise exception 'receipt numbers never go back' using errcode = '42501';
    end if;
    return new;
end
$$;
create trigger till_counter_guard before update on till_counter for each row execute function till_counter_guard();

-- A closed shift's Z report is frozen.
create function shift_guard() returns trigger language plpgsql as $$
begin
    if not sweetshop_privileged(tg_relid) and old.closed_at is not null and new is distinct from old then
        raise exception 'a closed shift is never changed' using errcode = '42501';
    end if;
    return new;
end
$$;
create trigger shift_guard before update on shift for each row execute function shift_guard();
