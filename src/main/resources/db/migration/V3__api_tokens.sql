-- API tokens for scripts and automation: created by an admin, shown once, stored only as a SHA-256 hash.
create table api_token (
    id           uuid primary key,
    name         text        not null,
    roles        text        not null,
    token_hash   char(64)    not null unique,
    created_by   text        not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
