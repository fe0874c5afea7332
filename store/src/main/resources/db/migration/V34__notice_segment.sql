-- The policy segment a notice was planned in (the segment's id), so dispatch offers the ways to pay of that segment and
-- of the step in the segment's own ladder (ladders may share step ids). Null for a notice planned outside a policy's
-- segments; notices planned before this column are given the segment their facts name (the planner wrote it there as
-- "<segment> (ladder <ladder>)").
alter table notice add column segment_id text;
update notice set segment_id = split_part(facts ->> 'segment', ' (ladder ', 1)
where facts ? 'segment' and status in ('PLANNED', 'SENDING');
