-- Receipts keep every structured reference the payer's bank sent (a combined payment may name several invoices) and
-- the bank's own ids of the payment (account-servicer references, end-to-end id, transaction id), which a later return
-- quotes. A person resolves what waits in the exceptions queue (allocated by hand, not ours, refund requested); the
-- bank may send a payment back (RETURNED). A return that ties to no receipt waits for a person in unresolved_return.
alter table receipt drop constraint receipt_status_check;
alter table receipt add constraint receipt_status_check check (status in ('NEW', 'MATCHED', 'PARTLY_ALLOCATED',
    'UNMATCHED', 'NOT_OURS', 'REFUND_REQUESTED', 'RETURNED'));
alter table receipt add column structured_references text[] not null default '{}';
alter table receipt add column bank_references text[] not null default '{}';
create index receipt_bank_references on receipt using gin (bank_references);
create index receipt_waiting on receipt (id) where status in ('UNMATCHED', 'PARTLY_ALLOCATED');

create table unresolved_return (
    id                bigserial primary key,
    provider          text           not null,
    provider_id       text           not null,
    currency          char(3)        not null,
    amount            numeric(20, 4) not null check (amount > 0),
    booked_on         date,
    quoted_references text[]         not null,
    reason            text           not null,
    origin            text           not null,
    created_at        timestamptz    not null,
    resolved_at       timestamptz,
    resolved_by       text,
    unique (provider, provider_id)
);
