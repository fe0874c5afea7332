-- This installation's identity: a random id made once, on the first start, and part of every payment's document
-- number (<document_prefix>-<id>-<allocation>), so that two installations, or one whose database was reset, never hand
-- the ERP the same document number for different payments. The prefix is recoup.posting.document-prefix, written here
-- on each start.
create table installation (
    singleton       boolean     primary key default true check (singleton),
    id              text        not null check (id ~ '^[A-Z0-9]{6}$'),
    document_prefix text        not null default 'RCP' check (document_prefix ~ '^[A-Za-z0-9]{1,12}$'),
    created_at      timestamptz not null default now()
);
-- 32 letters and digits without the look-alikes 0/O and 1/I: 2^30 ids
insert into installation (id)
select string_agg(substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 1 + floor(random() * 32)::int, 1), '')
from generate_series(1, 6);
