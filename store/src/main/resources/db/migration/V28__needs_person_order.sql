-- "Needs a person" lists tasks and parked notices by the customer's risk, then by the amount on the notice, and the
-- exceptions queue by the money waiting. Both were computed per request from every open task (risk parsed from the
-- facts JSON, amount summed over the actions' items): at 1,000,000 open items a page took a second. The planner now
-- writes the risk and the open amount on the notice when it plans it; indexes in the page's order let a page read
-- only its own rows.
alter table notice add column planned_risk int;
alter table notice add column planned_currency text;
alter table notice add column planned_amount numeric(20, 4);

-- notices that are or may still become a task or parked (sent, failed and cancelled ones never show on the page);
-- the amount is what is open now, in the notice's alphabetically first currency, the nearest to "when planned" left
update notice n set planned_risk = case when split_part(n.facts ->> 'risk', ':', 1) ~ '^-?[0-9]+$'
        then split_part(n.facts ->> 'risk', ':', 1)::int end,
    planned_currency = s.currency, planned_amount = s.amount
from (select a.notice_id, c.currency, sum(i.open_amount) filter (where i.currency = c.currency) as amount
      from action a join open_item i on i.id = a.item_id
          join (select a2.notice_id, min(i2.currency) as currency from action a2 join open_item i2 on i2.id = a2.item_id
                group by a2.notice_id) c on c.notice_id = a.notice_id
      group by a.notice_id, c.currency) s
where s.notice_id = n.id and n.status in ('PLANNED', 'SENDING', 'TASK_OPEN', 'PARKED');

create index notice_needs_person_order on notice (planned_risk desc nulls last, planned_amount desc nulls last, id)
    where status in ('TASK_OPEN', 'PARKED');
create index receipt_waiting_amount on receipt (unallocated desc, id)
    where status in ('UNMATCHED', 'PARTLY_ALLOCATED') and unallocated > 0;
-- the index above answers everything this one did, in the page's order
drop index if exists notice_needs_person;
