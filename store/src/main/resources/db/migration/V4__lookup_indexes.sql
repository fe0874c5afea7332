-- Lookups by item (the steps already taken for one item) and by customer (a customer's open items), which the
-- planner and the dispatcher make all the time.
create index if not exists action_item on action (item_id);
create index if not exists open_item_customer on open_item (customer_id);
