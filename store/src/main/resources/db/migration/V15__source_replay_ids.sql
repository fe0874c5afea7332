-- Where a source's change notifications (Salesforce Change Data Capture) were last read, per channel, so a restart
-- resumes from the next event instead of only the new ones. The id is the event bus's own (opaque, not contiguous).
create table source_replay_id (
    source     text   not null,
    channel    text   not null,
    replay_id  bigint not null,
    updated_at timestamptz not null,
    primary key (source, channel)
);
