-- The account an allocated payment came from is kept as one of the customer's payer IBANs when the allocation is
-- recorded (origin PAYMENT), so the matcher reads this one table on every run instead of joining every allocation ever
-- made to its receipt, item and customer, a join that grew with the history. The accounts of earlier payments are
-- copied once, here.
alter table customer_iban drop constraint customer_iban_origin_check;
alter table customer_iban add constraint customer_iban_origin_check check (origin in ('LEDGER', 'PERSON', 'PAYMENT'));

insert into customer_iban (customer_id, iban, origin, created_by, created_at)
select distinct i.customer_id, r.payer_iban, 'PAYMENT', 'payment', now()
from allocation a join receipt r on r.id = a.receipt_id join open_item i on i.id = a.item_id
where r.payer_iban is not null and r.payer_iban <> ''
on conflict do nothing;
