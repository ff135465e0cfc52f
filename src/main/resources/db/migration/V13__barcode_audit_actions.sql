-- Issue 10: a product barcode added to a sweet and a PLU changed are catalogue edits, audit-logged
-- like the others (staff.AuditAction BARCODE_ADD, PLU_CHANGE).
alter table audit_log drop constraint audit_log_action_ck;
alter table audit_log add constraint audit_log_action_ck check (action in ('SWEET_ADD', 'PRICE_CHANGE', 'SKU_CHANGE',
    'NAME_CHANGE', 'CATEGORY_CHANGE', 'REORDER_LEVEL_CHANGE', 'SWEET_DEACTIVATE', 'CATALOG_IMPORT', 'DELIVERY_IMPORT',
    'STAFF_REGISTER', 'STAFF_DEACTIVATE', 'PASSWORD_RESET', 'BARCODE_ADD', 'PLU_CHANGE'));
