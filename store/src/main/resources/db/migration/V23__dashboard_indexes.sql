-- The finance dashboard's pages read a page at a time or sum over open items; each query has an index on what it
-- filters and orders by, so a page costs the same at a thousand open items and at a million.

-- aging: open items summed per source, currency and due date, read from the index alone
create index if not exists open_item_aging on open_item (source, currency, due_date) include (open_amount) where status = 'OPEN';
-- DSO: credit sales per currency and month
create index if not exists open_item_issued on open_item (issue_date) include (currency, original_amount);
-- failed sends, newest first
create index if not exists notice_failed on notice (id) where status = 'FAILED';
-- needs a person: tasks and parked notices
create index if not exists notice_needs_person on notice (id) where status in ('TASK_OPEN', 'PARKED');
-- scheduled: promises and instalments falling due
create index if not exists promise_to_pay_due on promise_to_pay (promised_for);
create index if not exists instalment_due on instalment (due);
-- a customer's timeline: holds, payment plans and postings of the customer's items
create index if not exists hold_customer on hold (customer_id);
create index if not exists posting_allocation on posting (allocation_id);
