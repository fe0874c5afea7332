-- What happened to each message after dispatch handed it over: the send itself (with the provider's id) and every
-- status the provider reported (delivered, read, bounced, failed), each with its reason. A status reported twice (a
-- provider retries its callback) is stored once: one row per (channel, provider's message id, kind).
create table delivery_event (
    id                  bigserial   primary key,
    notice_id           bigint      not null references notice (id),
    channel             text        not null,
    provider_message_id text        not null,
    kind                text        not null check (kind in ('SENT', 'DELIVERED', 'READ', 'BOUNCED', 'FAILED')),
    reason              text        not null default '',
    occurred_at         timestamptz not null,
    received_at         timestamptz not null,
    unique (channel, provider_message_id, kind)
);
create index delivery_event_notice on delivery_event (notice_id, id);
