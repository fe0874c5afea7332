-- The online payment link made for a notice at a provider (Stripe: a Checkout Session), one row per attempt. A
-- resend of the notice reuses the latest link while it lives; after it expires the next attempt asks for a new one
-- (the provider dedupes each attempt by its idempotency key, so a crash between asking and storing makes no second).
create table notice_payment_link (
    notice_id   bigint      not null references notice (id),
    provider    text        not null,
    attempt     int         not null check (attempt >= 1),
    link_id     text        not null,
    url         text        not null,
    expires_at  timestamptz not null,
    created_at  timestamptz not null,
    primary key (notice_id, provider, attempt)
);
