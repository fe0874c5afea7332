-- Holds and promises are looked up by item (the planner's per-item reads, the admin API, an item's explanation);
-- without these, each lookup reads the whole table.
create index if not exists hold_item on hold (item_id) where released_at is null;
create index if not exists promise_to_pay_item on promise_to_pay (item_id);
