-- A payment posted back to the ledger can be taken back (a direct debit returned or refunded after settlement): the
-- reversal is a second posting of the same allocation, with the opposite sign and its own document number.
alter table posting add column kind text not null default 'PAYMENT' check (kind in ('PAYMENT', 'REVERSAL'));
alter table posting drop constraint posting_allocation_id_key;
alter table posting add constraint posting_allocation_kind unique (allocation_id, kind);
