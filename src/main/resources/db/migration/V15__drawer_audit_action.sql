-- Issue 11: the cash drawer opened without a sale (`drawer open`, a manager's or owner's "no sale")
-- is audit-logged (staff.AuditAction DRAWER_OPEN: who, the till, the reason). A till writes that
-- entry itself, so the till role may now append to the audit log too (still append only:
-- audit_log_append_only refuses every update and delete). SETTING_CHANGE is V14's (store settings).
alter table audit_log drop constraint audit_log_action_ck;
alter table audit_log add constraint audit_log_action_ck check (action in ('SWEET_ADD', 'PRICE_CHANGE', 'SKU_CHANGE',
    'NAME_CHANGE', 'CATEGORY_CHANGE', 'REORDER_LEVEL_CHANGE', 'SWEET_DEACTIVATE', 'CATALOG_IMPORT', 'DELIVERY_IMPORT',
    'STAFF_REGISTER', 'STAFF_DEACTIVATE', 'PASSWORD_RESET', 'BARCODE_ADD', 'PLU_CHANGE', 'SETTING_CHANGE', 'DRAWER_OPEN'));
grant insert on audit_log to sweetshop_till;
