-- Each open item carries the policy steps it has live (planned, sent, task open or skipped; comma-separated, sorted),
-- so planning reads one row per item instead of folding the action table into every run. The action table stays the
-- record: the column is recomputed from it, in the same transaction, by statement-level triggers on every insert,
-- update and delete.
alter table open_item add column live_steps text not null default '';

create function open_item_refresh_live_steps(item_ids bigint[]) returns void language sql as $$
    update open_item i set live_steps = coalesce(
        (select string_agg(a.step_id, ',' order by a.step_id) from action a
         where a.item_id = i.id and a.status in ('PLANNED', 'SENT', 'TASK_OPEN', 'SKIPPED')), '')
    where i.id = any (item_ids);
$$;

create function action_live_steps_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform open_item_refresh_live_steps(array(select distinct item_id from new_actions));
    elsif tg_op = 'UPDATE' then
        perform open_item_refresh_live_steps(array(
            select distinct unnest(array[n.item_id, o.item_id]) from new_actions n join old_actions o on o.id = n.id
            where (n.item_id, n.step_id, n.status) is distinct from (o.item_id, o.step_id, o.status)));
    else
        perform open_item_refresh_live_steps(array(select distinct item_id from old_actions));
    end if;
    return null;
end;
$$;

create trigger action_live_steps_insert after insert on action referencing new table as new_actions
    for each statement execute function action_live_steps_changed();
create trigger action_live_steps_update after update on action referencing old table as old_actions new table as new_actions
    for each statement execute function action_live_steps_changed();
create trigger action_live_steps_delete after delete on action referencing old table as old_actions
    for each statement execute function action_live_steps_changed();

update open_item i set live_steps = s.steps
from (select item_id, string_agg(step_id, ',' order by step_id) as steps from action
      where status in ('PLANNED', 'SENT', 'TASK_OPEN', 'SKIPPED') group by item_id) s
where s.item_id = i.id;

-- the risk score counts broken promises per customer: find them without reading every action
create index action_promise_broken on action (item_id) where step_id = 'promise-broken';
