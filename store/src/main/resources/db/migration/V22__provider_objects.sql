-- What Recoup last applied about a provider's object (a payment intent, a dispute): its state and the provider's time
-- of the event that told it. Provider events arrive in any order; one older than what is kept here is stale and
-- changes nothing (a dispute opened, delivered after it was closed, must not hold the items again).
create table provider_object (
    provider   text        not null,
    object_id  text        not null,
    state      text        not null,
    as_of      timestamptz not null,
    event_id   text        not null,
    updated_at timestamptz not null,
    primary key (provider, object_id)
);
