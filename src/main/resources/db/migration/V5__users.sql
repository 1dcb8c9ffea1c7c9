-- Users of the web app and the API, managed by admins in the app. Passwords only as {bcrypt} hashes; roles as a
-- comma-separated list with the implied ones spelled out (ADMIN,OPERATOR,VIEWER), like api_token's.
create table app_user (
    username      text        primary key,
    password_hash text        not null,
    roles         text        not null,
    created_at    timestamptz not null,
    created_by    text        not null
);

-- Failed sign-ins, one row each, kept for the counting window. key is 'user:<name>' or 'address:<ip>'. In the
-- database rather than in each node's memory, so that every web node sees every failure.
create table login_failure (
    key       text        not null,
    failed_at timestamptz not null
);
create index login_failure_key_time on login_failure (key, failed_at);
create index login_failure_time on login_failure (failed_at);
