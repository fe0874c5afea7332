-- The tables of the collection cycle: each stage reads the rows of the one before it and writes rows for the next.

create table customer (
    id          bigserial primary key,
    source      text        not null,
    external_id text        not null,
    name        text        not null,
    email       text,
    phone       text,
    language    text        not null,
    time_zone   text        not null,
    segment     text        not null,
    updated_at  timestamptz not null,
    unique (source, external_id)
);

create table open_item (
    id                 bigserial primary key,
    source             text          not null,
    external_id        text          not null,
    customer_id        bigint        not null references customer (id),
    number             text          not null,
    issue_date         date          not null,
    due_date           date          not null,
    currency           char(3)       not null,
    original_amount    numeric(20, 4) not null,
    -- what the source ledger last reported as open
    ledger_open_amount numeric(20, 4) not null,
    -- what is open from Recoup's point of view: the ledger's figure less allocations not yet posted back
    open_amount        numeric(20, 4) not null check (open_amount >= 0),
    status             text          not null check (status in ('OPEN', 'PAID')),
    creditor_reference text          not null unique,
    version            integer       not null default 1,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    unique (source, external_id)
);
create index open_item_open on open_item (due_date) where status = 'OPEN';

-- records that could not be taken, with where they came from and why; nothing bad is dropped silently
create table quarantine (
    id         bigserial primary key,
    stage      text        not null,
    origin     text        not null,
    line       bigint,
    field      text,
    reason     text        not null,
    raw        text,
    -- the same refusal of the same record (a file dropped twice) is kept once
    fingerprint text       not null unique,
    created_at timestamptz not null
);

-- the action outbox: one row per (item, policy step), never two
create table action (
    id             bigserial primary key,
    item_id        bigint      not null references open_item (id),
    step_id        text        not null,
    channel        text        not null,
    template       text        not null,
    scheduled_for  date        not null,
    planned_on     date        not null,
    policy_id      text        not null,
    policy_version text        not null,
    reason         text        not null,
    status         text        not null check (status in ('PLANNED', 'SENT', 'TASK_OPEN', 'SKIPPED', 'FAILED', 'CANCELLED')),
    attempts       integer     not null default 0,
    outcome        text,
    created_at     timestamptz not null,
    done_at        timestamptz,
    unique (item_id, step_id)
);
create index action_planned on action (planned_on) where status = 'PLANNED';

-- money received, keyed by (provider, provider's id) so a replayed statement or webhook adds nothing
create table receipt (
    id          bigserial primary key,
    provider    text           not null,
    provider_id text           not null,
    currency    char(3)        not null,
    amount      numeric(20, 4) not null check (amount > 0),
    unallocated numeric(20, 4) not null check (unallocated >= 0),
    booked_on   date,
    value_date  date,
    reference   text,
    remittance  text,
    payer_name  text,
    payer_iban  text,
    origin      text           not null,
    status      text           not null check (status in ('NEW', 'MATCHED', 'PARTLY_ALLOCATED', 'UNMATCHED')),
    reason      text,
    created_at  timestamptz    not null,
    unique (provider, provider_id)
);

create table allocation (
    id         bigserial primary key,
    receipt_id bigint         not null references receipt (id),
    item_id    bigint         not null references open_item (id),
    currency   char(3)        not null,
    amount     numeric(20, 4) not null check (amount > 0),
    rule       text           not null,
    created_at timestamptz    not null,
    unique (receipt_id, item_id)
);

-- the posting outbox: one row per allocation; the document number is what the ledger is checked for
create table posting (
    id              bigserial primary key,
    allocation_id   bigint      not null unique references allocation (id),
    document_number text        not null unique,
    status          text        not null check (status in ('PENDING', 'POSTED')),
    batch           text,
    created_at      timestamptz not null,
    posted_at       timestamptz
);
create index posting_pending on posting (id) where status = 'PENDING';

-- every change of state: who, what, when, why
create table event_log (
    id        bigserial primary key,
    at        timestamptz not null,
    actor     text        not null,
    entity    text        not null,
    entity_id text        not null,
    what      text        not null,
    why       text
);
