-- A ladder step left out for an item (skip-if), recorded the first time the planner leaves it out, so that the item's
-- history says so once and not on every planning run.
create table step_skip (
    item_id    bigint      not null references open_item (id) on delete cascade,
    step_id    text        not null,
    reason     text        not null,
    skipped_on date        not null,
    created_at timestamptz not null default now(),
    primary key (item_id, step_id)
);
