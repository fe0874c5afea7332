-- Outbound webhooks: other tools subscribe to some of our events (item.paid, promise.broken, exception.raised, ...).
-- A subscription's secret is needed in clear to sign, so it cannot be hashed: it is kept sealed (AES-256-GCM) with a
-- key that is not in the database (recoup.outbound-webhooks.key, or a key file under recoup.home), so a copy of the
-- database alone does not let anyone sign as us. After a rotation the previous secret still signs until
-- previous_until, so a receiver can switch without losing a delivery.
create table webhook_subscription (
    id              bigserial   primary key,
    url             text        not null check (url ~ '^https?://'),
    events          text[]      not null check (cardinality(events) > 0),
    description     text,
    secret          bytea       not null,
    previous_secret bytea,
    previous_until  timestamptz,
    created_at      timestamptz not null,
    created_by      text        not null,
    deleted_at      timestamptz,
    deleted_by      text
);

-- The outbox: one row per (subscription, event), written in the statement that records the event in event_log, so
-- an event whose change rolls back is never sent and a committed one is never lost. event_id (evt_<random UUID>) is
-- what receivers de-duplicate on; event_log_id names the log line (not a foreign key: the log may be emptied). The worker takes due rows with
-- FOR UPDATE SKIP LOCKED (several instances share the queue); a row refused for good or out of attempts is PARKED
-- with its reason for a person, and the others go on.
create table webhook_delivery (
    id              bigserial   primary key,
    subscription_id bigint      not null references webhook_subscription (id),
    event_id        text        not null,
    event_log_id    bigint      not null,
    event_type      text        not null,
    created         timestamptz not null,
    payload         text        not null,
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'PARKED', 'CANCELLED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_outcome    text,
    finished_at     timestamptz,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at, id) where status = 'PENDING';
create index webhook_delivery_parked on webhook_delivery (id) where status = 'PARKED';
