-- The collection rule's own data: notices (one message or task that may cover several items of one customer), and
-- what pauses or steers dunning: holds (disputes, dunning blocks), promises to pay, payment plans, opt-outs and
-- manual overrides.

create table notice (
    id             bigserial primary key,
    customer_id    bigint      not null references customer (id),
    channel        text        not null,
    template       text        not null,
    lead_step      text        not null,
    planned_on     date        not null,
    send_after     timestamptz not null,
    policy_id      text        not null,
    policy_version text        not null,
    reason         text        not null,
    facts          jsonb       not null,
    status         text        not null check (status in ('PLANNED', 'SENT', 'TASK_OPEN', 'SKIPPED', 'FAILED', 'CANCELLED')),
    attempts       integer     not null default 0,
    outcome        text,
    created_at     timestamptz not null,
    done_at        timestamptz
);
create index notice_planned on notice (send_after) where status = 'PLANNED';
create index notice_customer on notice (customer_id, planned_on);

-- each action (item x step) belongs to the notice that carries it
alter table action add column notice_id bigint references notice (id);
create index action_notice on action (notice_id);

create table hold (
    id          bigserial primary key,
    customer_id bigint      not null references customer (id),
    item_id     bigint references open_item (id),
    kind        text        not null check (kind in ('DISPUTE', 'BLOCK')),
    reason      text        not null,
    since       date        not null,
    until       date,
    created_by  text        not null,
    created_at  timestamptz not null,
    released_at timestamptz
);
create index hold_active on hold (customer_id) where released_at is null;

create table promise_to_pay (
    id                 bigserial primary key,
    item_id            bigint         not null references open_item (id),
    promised_for       date           not null,
    currency           char(3)        not null,
    amount             numeric(20, 4) not null check (amount > 0),
    open_when_promised numeric(20, 4) not null,
    created_by         text           not null,
    created_at         timestamptz    not null
);

create table payment_plan (
    id               bigserial primary key,
    item_id          bigint         not null unique references open_item (id),
    currency         char(3)        not null,
    open_when_agreed numeric(20, 4) not null,
    created_by       text           not null,
    created_at       timestamptz    not null
);

create table instalment (
    plan_id bigint         not null references payment_plan (id),
    seq     integer        not null,
    due     date           not null,
    amount  numeric(20, 4) not null check (amount > 0),
    primary key (plan_id, seq)
);

create table opt_out (
    customer_id bigint      not null references customer (id),
    channel     text        not null,
    created_at  timestamptz not null,
    primary key (customer_id, channel)
);

create table manual_override (
    id         bigserial primary key,
    item_id    bigint      not null references open_item (id),
    kind       text        not null check (kind in ('SEND_NOW', 'SKIP_STEP')),
    step_key   text        not null,
    on_date    date        not null,
    created_by text        not null,
    created_at timestamptz not null
);

-- a step whose notice bounced or was cancelled may be planned again (on the next channel): only live actions are unique
alter table action drop constraint action_item_id_step_id_key;
create unique index action_item_step_live on action (item_id, step_id) where status not in ('FAILED', 'CANCELLED');
