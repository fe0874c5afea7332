-- An item's live steps depend on its actions' item, step and whether their status takes the step
-- (recoup_action_takes_step). Dispatch moves every action PLANNED -> SENDING -> SENT, and none of those moves changes
-- that, yet the update trigger rewrote the item's row for each (two rewrites per notice sent, about half of the
-- database's time while dispatching). It now refreshes only the items whose live steps can have changed, and skips the
-- refresh when there are none.
create or replace function action_live_steps_changed() returns trigger language plpgsql as $$
declare
    changed bigint[];
begin
    if tg_op = 'INSERT' then
        changed := array(select distinct item_id from new_actions where recoup_action_takes_step(status));
    elsif tg_op = 'UPDATE' then
        changed := array(
            select distinct unnest(array[n.item_id, o.item_id]) from new_actions n join old_actions o on o.id = n.id
            where (n.item_id, n.step_id, recoup_action_takes_step(n.status))
                is distinct from (o.item_id, o.step_id, recoup_action_takes_step(o.status)));
    else
        changed := array(select distinct item_id from old_actions where recoup_action_takes_step(status));
    end if;
    if cardinality(changed) > 0 then
        perform open_item_refresh_live_steps(changed);
    end if;
    return null;
end;
$$;
