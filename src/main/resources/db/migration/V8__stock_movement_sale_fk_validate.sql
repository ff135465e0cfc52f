-- Checks the rows that were there before V6 added stock_movement_sale_fk (NOT VALID).
-- VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE on stock_movement and ROW SHARE on sale: the
-- tills' checkouts (inserts) go on while the ledger is scanned. In a transaction of its own, as
-- Flyway runs each migration.
alter table stock_movement validate constraint stock_movement_sale_fk;
