-- One request budget and one circuit breaker for every node: YouTube sees the cluster's calls together, so the
-- cluster keeps one account of them. Times are the database's clock, so nodes with skewed clocks still agree.

-- The token bucket: tokens left at updated_at; it refills at requests-per-minute up to the burst. A call takes its
-- weight, and may take the bucket below zero: the debt is the wait of the calls already promised a turn.
create table youtube_budget (
    id          smallint          primary key check (id = 1),
    tokens      double precision  not null,
    updated_at  timestamptz       not null
);
-- It starts full: the burst caps whatever is stored.
insert into youtube_budget (id, tokens, updated_at) values (1, 1e9, clock_timestamp());

-- The breaker: open until open_until (null or past: closed). cooldown_ms is the cool-down the last trip used, so a
-- trip soon after a lift doubles it; probing_until is the time after a lift in which one block trips it again.
-- held_calls counts the calls refused while it was open, on every node.
create table youtube_breaker (
    id             smallint     primary key check (id = 1),
    open_until     timestamptz,
    reason         text,
    tripped_at     timestamptz,
    cooldown_ms    bigint       not null default 0,
    probing_until  timestamptz,
    counted_from   timestamptz,
    held_calls     bigint       not null default 0
);
insert into youtube_breaker (id) values (1);

-- Each bot check or 429 seen by any node; the breaker counts those within its window.
create table youtube_block (
    id        bigserial    primary key,
    at        timestamptz  not null,
    kind      text         not null,
    video_id  text,
    proxy     text
);
create index youtube_block_at_idx on youtube_block (at);

-- Each trip of the breaker, with when it lifted (by its cool-down, or by an admin: lifted_by).
create table youtube_trip (
    id          bigserial    primary key,
    tripped_at  timestamptz  not null,
    lifts_at    timestamptz  not null,
    reason      text         not null,
    lifted_by   text
);

-- What a running video waits for (the YouTube budget), or why a held one waits; cleared when it goes on.
alter table video_item add column waiting_for text;

-- Proxies resting after a block, by a key that holds no credentials (the proxy's scheme, host and port).
create table youtube_proxy_rest (
    proxy_key      text         primary key,
    resting_until  timestamptz  not null,
    reason         text         not null
);
