-- Collection policies uploaded through the dashboard. A draft is the uploaded YAML as it came, with the problems the
-- loader found in it (line, column, field, reason); drafts are never changed. Activating a valid draft appends a
-- version: the live policy is the version with the highest number, and every earlier one stays for rollback (which
-- activates an older draft again, as a new version). Append-only, so the history says who put which policy in force
-- and when. With no version at all, the policy named by recoup.policy (file or classpath) is the live one.
create table policy_draft (
    id             bigserial   primary key,
    yaml           text        not null,
    -- the policy's own id and version, when the YAML got far enough to say them
    policy_id      text,
    policy_version text,
    valid          boolean     not null,
    problems       jsonb       not null default '[]',
    created_by     text        not null check (created_by <> ''),
    created_at     timestamptz not null,
    check (valid = (jsonb_array_length(problems) = 0)),
    -- the target of policy_version's foreign key: only a valid draft can be referenced
    unique (id, valid)
);

create table policy_version (
    version        bigserial   primary key,
    draft_id       bigint      not null,
    draft_valid    boolean     not null default true check (draft_valid),
    yaml           text        not null,
    policy_id      text        not null,
    policy_version text        not null,
    activated_by   text        not null check (activated_by <> ''),
    activated_at   timestamptz not null,
    -- an invalid draft can never become a version, whatever the code above the database does
    foreign key (draft_id, draft_valid) references policy_draft (id, valid)
);
