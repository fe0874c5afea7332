-- People and machines that may sign in besides those configured in recoup.security.users. Passwords and tokens are
-- kept only as hashes: a password as Spring Security's {id}hash (bcrypt), a token as the hex SHA-256 of the token (a
-- token is 256 random bits, so a fast hash is enough and lets the token be looked up by its hash).
create table app_user (
    name          text        primary key check (name <> ''),
    password_hash text        not null check (password_hash ~ '^\{[a-z0-9]+\}'),
    roles         text[]      not null,
    created_at    timestamptz not null,
    created_by    text        not null
);

create table api_token (
    id          bigserial   primary key,
    name        text        not null check (name <> ''),
    token_hash  text        not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    roles       text[]      not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    revoked_at  timestamptz,
    revoked_by  text,
    last_used_at timestamptz
);
