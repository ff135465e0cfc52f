-- Sweetshop POS baseline schema.
-- Every invariant of DESIGN.md has a constraint here, so that a lost race ends in a refusal,
-- never in bad data. Plain SQL (sequences, checks, unique constraints): portable to the
-- PostgreSQL-compatible engines a chain of stores might use.

-- A single row that serialises store-wide bootstrap steps (the first owner account).
create table store (
    id         smallint primary key,
    created_at timestamp(6) with time zone not null default current_timestamp,
    constraint store_single_row_ck check (id = 1)
);
insert into store (id) values (1);

create sequence staff_seq start with 1 increment by 50;
create table staff (
    id            bigint primary key,
    username      varchar(32)  not null,
    username_key  varchar(32)  not null,
    role          varchar(16)  not null,
    password_hash varchar(255) not null,
    active        boolean      not null default true,
    failed_logins integer      not null default 0,
    locked_until  timestamp(6) with time zone,
    created_at    timestamp(6) with time zone not null,
    -- usernames are unique ignoring case: the key is the lower-case form, kept honest by a check
    constraint staff_username_key_uq unique (username_key),
    constraint staff_username_key_ck check (username_key = lower(username)),
    constraint staff_role_ck check (role in ('CASHIER', 'MANAGER', 'OWNER')),
    constraint staff_failed_logins_ck check (failed_logins >= 0)
);

create sequence sweet_seq start with 1 increment by 50;
create table sweet (
    id            bigint primary key,
    sku           varchar(64)   not null,
    name          varchar(120)  not null,
    category      varchar(60)   not null,
    price         numeric(10, 2) not null,
    stock         integer       not null,
    reorder_level integer       not null default 0,
    active        boolean       not null default true,
    movements     integer       not null default 0,
    created_at    timestamp(6) with time zone not null,
    constraint sweet_sku_uq unique (sku),
    constraint sweet_movements_ck check (movements >= 0),
    constraint sweet_price_ck check (price >= 0),
    constraint sweet_stock_ck check (stock >= 0),
    constraint sweet_reorder_level_ck check (reorder_level >= 0)
);

-- stock = the sum of a sweet's movements (checked by `sweetshop audit`). Each sweet's movements are
-- numbered 1, 2, 3... under the sweet's row lock (sweet.movements is the last number), so the ledger
-- is a chain the audit can follow whichever till or process wrote it.
create sequence stock_movement_seq start with 1 increment by 50;
create table stock_movement (
    id          bigint primary key,
    sweet_id    bigint      not null references sweet (id),
    seq         integer     not null,
    kind        varchar(16) not null,
    quantity    integer     not null,
    stock_after integer     not null,
    staff_id    bigint      not null references staff (id),
    till        varchar(32),
    reason      varchar(200),
    sale_id     uuid,
    created_at  timestamp(6) with time zone not null,
    constraint stock_movement_seq_uq unique (sweet_id, seq),
    constraint stock_movement_seq_ck check (seq > 0),
    constraint stock_movement_kind_ck check (kind in ('SALE', 'RESTOCK', 'ADJUSTMENT', 'REFUND')),
    constraint stock_movement_quantity_ck check (quantity <> 0),
    constraint stock_movement_stock_after_ck check (stock_after >= 0),
    constraint stock_movement_sale_ck check (kind <> 'SALE' or (sale_id is not null and quantity < 0))
);
create index stock_movement_sale_idx on stock_movement (sale_id);

create sequence coupon_seq start with 1 increment by 50;
create table coupon (
    id               bigint primary key,
    token_hash       varchar(64)   not null,
    hint             varchar(8)    not null,
    kind             varchar(8)    not null,
    amount           numeric(10, 2) not null,
    expires_on       date,
    status           varchar(10)   not null,
    issued_at        timestamp(6) with time zone not null,
    issued_by        bigint        not null references staff (id),
    redeemed_at      timestamp(6) with time zone,
    redeemed_till    varchar(32),
    redeemed_sale_id uuid,
    voided_at        timestamp(6) with time zone,
    constraint coupon_token_hash_uq unique (token_hash),
    constraint coupon_kind_ck check (kind in ('PERCENT', 'AMOUNT')),
    constraint coupon_amount_ck check (amount > 0 and (kind <> 'PERCENT' or amount <= 100)),
    constraint coupon_status_ck check (status in ('ISSUED', 'REDEEMED', 'VOID')),
    -- a coupon is redeemed at most once: one redeeming sale, recorded with when and where
    constraint coupon_redeemed_sale_uq unique (redeemed_sale_id),
    constraint coupon_redeemed_ck check ((status = 'REDEEMED') = (redeemed_sale_id is not null and redeemed_at is not null))
);

create sequence promo_seq start with 1 increment by 50;
create table promo (
    id          bigint primary key,
    code        varchar(32)   not null,
    kind        varchar(8)    not null,
    amount      numeric(10, 2) not null,
    max_uses    integer,
    uses        integer       not null default 0,
    valid_from  date,
    valid_until date,
    active      boolean       not null default true,
    created_at  timestamp(6) with time zone not null,
    created_by  bigint        not null references staff (id),
    constraint promo_code_uq unique (code),
    constraint promo_code_ck check (code = upper(code)),
    constraint promo_kind_ck check (kind in ('PERCENT', 'AMOUNT')),
    constraint promo_amount_ck check (amount > 0 and (kind <> 'PERCENT' or amount <= 100)),
    constraint promo_max_uses_ck check (max_uses is null or max_uses > 0),
    -- promo uses never exceed the maximum
    constraint promo_uses_ck check (uses >= 0 and (max_uses is null or uses <= max_uses)),
    constraint promo_window_ck check (valid_from is null or valid_until is null or valid_from <= valid_until)
);

-- the last receipt number handed out per till: locked by checkout, so numbers are gapless
create table till_counter (
    till        varchar(32) primary key,
    last_number bigint not null,
    constraint till_counter_last_number_ck check (last_number >= 0)
);

create table sale (
    id              uuid primary key,
    till            varchar(32)    not null,
    receipt_seq     bigint         not null,
    receipt_no      varchar(48)    not null,
    staff_id        bigint         not null references staff (id),
    created_at      timestamp(6) with time zone not null,
    subtotal        numeric(12, 2) not null,
    coupon_discount numeric(12, 2) not null,
    promo_discount  numeric(12, 2) not null,
    total           numeric(12, 2) not null,
    coupon_id       bigint references coupon (id),
    promo_id        bigint references promo (id),
    payment         varchar(8)     not null,
    tendered        numeric(12, 2),
    change_given    numeric(12, 2),
    -- receipt numbers are unique per till
    constraint sale_till_receipt_uq unique (till, receipt_seq),
    constraint sale_receipt_no_uq unique (receipt_no),
    -- a coupon is redeemed by at most one sale
    constraint sale_coupon_uq unique (coupon_id),
    constraint sale_receipt_seq_ck check (receipt_seq > 0),
    constraint sale_amounts_ck check (subtotal >= 0 and coupon_discount >= 0 and promo_discount >= 0 and total >= 0),
    constraint sale_total_ck check (total = subtotal - coupon_discount - promo_discount),
    constraint sale_payment_ck check (payment in ('CASH', 'CARD')),
    constraint sale_cash_ck check (payment <> 'CASH'
        or (tendered is not null and change_given is not null and change_given >= 0 and tendered - change_given = total))
);
create index sale_created_at_idx on sale (created_at);
create index sale_promo_idx on sale (promo_id);

create sequence sale_line_seq start with 1 increment by 50;
create table sale_line (
    id         bigint primary key,
    sale_id    uuid           not null references sale (id),
    line_no    integer        not null,
    sweet_id   bigint         not null references sweet (id),
    sku        varchar(64)    not null,
    name       varchar(120)   not null,
    unit_price numeric(10, 2) not null,
    quantity   integer        not null,
    line_total numeric(12, 2) not null,
    constraint sale_line_no_uq unique (sale_id, line_no),
    constraint sale_line_quantity_ck check (quantity > 0),
    constraint sale_line_total_ck check (unit_price >= 0 and line_total = unit_price * quantity)
);
create index sale_line_sweet_idx on sale_line (sweet_id);
