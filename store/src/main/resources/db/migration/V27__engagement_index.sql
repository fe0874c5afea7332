-- The planner reads the reads and clicks of the last 60 days (skip-if) on every run: an index on just those, so the
-- read does not scan every send and delivery status ever stored.
create index delivery_event_engagement on delivery_event (occurred_at) where kind in ('READ', 'CLICKED');
