-- Mandates customers gave at a payment provider (GoCardless), as the provider's events tell them: one row per
-- (provider, mandate id), holding the provider's own word for its state now. A customer with an active one is
-- collected through the provider, and the own pain.008 run leaves that customer out.
create table provider_mandate (
    provider    text        not null,
    mandate_id  text        not null,
    customer_id bigint      not null references customer (id),
    status      text        not null,
    reason      text        not null,
    event_id    text        not null,
    updated_at  timestamptz not null,
    primary key (provider, mandate_id)
);
create index provider_mandate_active on provider_mandate (customer_id) where status = 'active';

-- Items collected through a provider against such a mandate: one row per attempt, written before the provider is
-- asked (with the idempotency key the row names), so a crash in between asks again with the same key and never
-- charges twice. An item is in at most one live collection at a time.
create table provider_collection (
    id              bigserial   primary key,
    provider        text        not null,
    item_id         bigint      not null references open_item (id),
    attempt         int         not null check (attempt >= 1),
    mandate_id      text        not null,
    currency        char(3)     not null,
    amount          numeric     not null check (amount > 0),
    idempotency_key text        not null unique,
    payment_id      text,
    charge_date     date,
    status          text        not null check (status in ('REQUESTED', 'SUBMITTED', 'PAID', 'FAILED', 'REFUSED')),
    reason          text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (provider, payment_id)
);
create unique index provider_collection_live on provider_collection (item_id) where status in ('REQUESTED', 'SUBMITTED', 'PAID');
