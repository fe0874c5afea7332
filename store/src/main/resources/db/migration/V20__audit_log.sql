-- Every change a person makes through the API: who, what, when, on what, and the state before and after. Written in
-- the same transaction as the change, so a change that rolls back leaves no audit line and a change that commits
-- always has one. Append-only: nothing updates or deletes these rows.
create table audit_log (
    id         bigserial   primary key,
    at         timestamptz not null,
    actor      text        not null check (actor <> ''),
    action     text        not null check (action <> ''),
    target     text        not null,
    before     jsonb,
    after      jsonb
);
create index audit_log_actor on audit_log (actor, id);
create index audit_log_target on audit_log (target, id);
