-- Watches: a channel or playlist listed on a schedule (a JobRunr recurring job with the watch's id); each run puts the
-- videos this watch has never seen into a new batch.
create table watch (
    id          uuid        primary key,
    name        text        not null check (length(name) between 1 and 200),
    source_url  text        not null check (length(source_url) between 1 and 2000),
    recent      integer     not null check (recent between 1 and 5000),
    filters     jsonb       not null,
    schedule    text        not null,
    cron        text        not null,
    paused      boolean     not null default false,
    created_by  text        not null,
    created_at  timestamptz not null
);

-- Every video a watch has put into a batch: a later run leaves them out.
create table watch_seen (
    watch_id    uuid        not null references watch (id) on delete cascade,
    video_id    text        not null,
    first_seen  timestamptz not null,
    primary key (watch_id, video_id)
);

create table watch_run (
    id          bigserial   primary key,
    watch_id    uuid        not null references watch (id) on delete cascade,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    listed      integer     not null,
    new_videos  integer     not null,
    batch_id    uuid        references batch (id) on delete set null,
    error       text
);

create index watch_run_watch_idx on watch_run (watch_id, started_at desc);
