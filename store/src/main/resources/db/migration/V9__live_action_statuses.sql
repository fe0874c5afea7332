-- Which action statuses mean "this step was taken for the item" (planned, sent, task open, skipped; a failed or
-- cancelled step may be planned again, on the next channel), named once for SQL. The Java side is
-- NoticeStatus.takesTheStep(); StoreIT checks that both say the same for every status.
create function recoup_action_takes_step(status text) returns boolean language sql immutable parallel safe as $$
    select status in ('PLANNED', 'SENT', 'TASK_OPEN', 'SKIPPED')
$$;

create or replace function open_item_refresh_live_steps(item_ids bigint[]) returns void language sql as $$
    update open_item i set live_steps = coalesce(
        (select string_agg(a.step_id, ',' order by a.step_id) from action a
         where a.item_id = i.id and recoup_action_takes_step(a.status)), '')
    where i.id = any (item_ids);
$$;
