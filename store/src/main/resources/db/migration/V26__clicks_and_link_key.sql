-- What the customer did with a message beside what the providers report: a payment link opened through Recoup's own
-- redirect (/pay/{token}) is stored as a CLICKED delivery event of the notice, once per notice, provider and day, so
-- a policy step can be skipped when the link was opened (skip-if) and the item's explanation shows it.
alter table delivery_event drop constraint delivery_event_kind_check;
alter table delivery_event add constraint delivery_event_kind_check
    check (kind in ('SENT', 'DELIVERED', 'READ', 'BOUNCED', 'FAILED', 'CLICKED'));

-- The key that signs the links put into messages (payment redirect, unsubscribe), made once, at random, per database:
-- a link names its notice by number, and the signature is what keeps anyone from forging or counting through them.
-- gen_random_uuid() draws from a cryptographically strong source; two of them give 244 random bits.
alter table installation add column link_key text not null
    default (replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''));
