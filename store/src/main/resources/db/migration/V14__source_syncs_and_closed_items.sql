-- An item the source ledger no longer has open without Recoup knowing it was paid (cancelled, credited, deleted, gone
-- from a full export or sync) is CLOSED with the source's reason; it opens again when the source lists it open again.
alter table open_item drop constraint open_item_status_check;
alter table open_item add constraint open_item_status_check check (status in ('OPEN', 'PAID', 'CLOSED'));
alter table open_item add column closed_reason text;

-- Where each source ledger read over an API stands: the watermark the next incremental sync starts from (less the
-- overlap window), when the last full sync ended, and how the last sync went.
create table source_sync (
    source            text primary key,
    watermark         timestamptz,
    last_full_sync_at timestamptz,
    last_sync_at      timestamptz,
    last_outcome      text
);

-- pending postings per item, read when a page of a sync meets items Recoup already knows
create index if not exists allocation_item on allocation (item_id);
