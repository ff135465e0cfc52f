-- Issue 11: the store's settings, in the database so that every till agrees (settings.SettingsService).
--
-- One row per setting that has been set; a key with no row has its default (for store.name,
-- currency and weight.display: the till's own sweetshop.properties, as before this table). Only
-- the owner changes them (the service checks the role); every change is an audit-log entry
-- (SETTING_CHANGE, subject the key, the old and the new value). A change locks the store row
-- (LockOrder.STORE), so two owners setting one key run one after the other.
create table store_setting (
    key        varchar(40)  primary key,
    value      varchar(200) not null,
    changed_at timestamp(6) with time zone not null,
    changed_by bigint       not null references staff (id),
    constraint store_setting_key_ck check (key in ('store.name', 'store.address', 'tax.number', 'receipt.header',
        'receipt.footer', 'currency', 'prices.include.tax', 'cash.rounding', 'weight.display'))
);

-- a till reads them (at log-in); the back office writes them
grant select on store_setting to sweetshop_till;
grant insert, update (value, changed_at, changed_by) on store_setting to sweetshop_office;

alter table audit_log drop constraint audit_log_action_ck;
alter table audit_log add constraint audit_log_action_ck check (action in ('SWEET_ADD', 'PRICE_CHANGE', 'SKU_CHANGE',
    'NAME_CHANGE', 'CATEGORY_CHANGE', 'REORDER_LEVEL_CHANGE', 'SWEET_DEACTIVATE', 'CATALOG_IMPORT', 'DELIVERY_IMPORT',
    'STAFF_REGISTER', 'STAFF_DEACTIVATE', 'PASSWORD_RESET', 'BARCODE_ADD', 'PLU_CHANGE', 'SETTING_CHANGE'));
