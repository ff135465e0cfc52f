-- Issue 11: the cash drawer opened without a sale (`drawer open`, a manager's or owner's "no sale")
-- is audit-logged (staff.AuditAction DRAWER_OPEN: who, the till, the reason). A till writes that
-- entry itself, so the till role may now append to the audit log, but only that kind of entry:
-- audit_log_till_guard refuses any other from a role with no more than a till's rights (a till
-- cannot forge a price change). Entries stay append only (audit_log_append_only).
-- SETTING_CHANGE is V14's (store settings).
alter table audit_log drop constraint audit_log_action_ck;
alter table audit_log add constraint audit_log_action_ck check (action in ('SWEET_ADD', 'PRICE_CHANGE', 'SKU_CHANGE',
    'NAME_CHANGE', 'CATEGORY_CHANGE', 'REORDER_LEVEL_CHANGE', 'SWEET_DEACTIVATE', 'CATALOG_IMPORT', 'DELIVERY_IMPORT',
    'STAFF_REGISTER', 'STAFF_DEACTIVATE', 'PASSWORD_RESET', 'BARCODE_ADD', 'PLU_CHANGE', 'SETTING_CHANGE', 'DRAWER_OPEN'));

create function audit_log_till_guard() returns trigger language plpgsql as $$
begin
    if sweetshop_privileged(tg_relid) or not sweetshop_till_only() or new.action = 'DRAWER_OPEN' then
        return new;
    end if;
    raise exception 'a till writes only drawer openings to the audit log' using errcode = '42501';
end
$$;
create trigger audit_log_till_guard before insert on audit_log for each row execute function audit_log_till_guard();

grant insert on audit_log to sweetshop_till;
