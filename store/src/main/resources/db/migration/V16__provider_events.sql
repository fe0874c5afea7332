-- Events of payment providers (Stripe, GoCardless), stored raw as they arrived by webhook or were found by the
-- catch-up, once per (provider, event id) however often they are delivered. A worker handles them in order of arrival
-- (FOR UPDATE SKIP LOCKED); one that fails for good is parked with its reason and the rest go on.
create table provider_event (
    id           bigserial   primary key,
    provider     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    created      timestamptz not null,
    payload      bytea       not null,
    received_at  timestamptz not null,
    status       text        not null check (status in ('NEW', 'HANDLED', 'PARKED')),
    outcome      text,
    handled_at   timestamptz,
    unique (provider, event_id)
);
create index provider_event_waiting on provider_event (id) where status = 'NEW';
create index provider_event_latest on provider_event (provider, created desc, id desc);
