-- tubebatch's own tables. JobRunr creates and migrates its own (jobrunr_*) in the same database.

create table batch (
    id              uuid        primary key,
    name            text        not null check (length(name) between 1 and 200),
    status          text        not null,
    created_by      text        not null,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    max_workers     integer     check (max_workers is null or max_workers > 0),
    retry_limit     integer     not null check (retry_limit >= 0),
    on_error        text        not null,
    stop_reason     text
);

create index batch_created_at_idx on batch (created_at desc);

create table video_item (
    id                 uuid        primary key,
    batch_id           uuid        not null references batch (id) on delete cascade,
    position           integer     not null check (position >= 1),
    url                text        not null,
    video_id           text        not null check (video_id ~ '^[A-Za-z0-9_-]{11}$'),
    title              text,
    channel            text,
    duration_seconds   integer,
    upload_date        date,
    status             text        not null,
    current_step       text,
    step_progress      real        check (step_progress is null or (step_progress >= 0 and step_progress <= 1)),
    attempts           integer     not null default 0,
    job_id             uuid,
    queued_at          timestamptz,
    started_at         timestamptz,
    finished_at        timestamptz,
    error_kind         text,
    error_message      text,
    transcript_source  text,
    output_path        text,
    unique (batch_id, position),
    unique (batch_id, video_id)
);

create index video_item_batch_status_idx on video_item (batch_id, status);

-- One row per finished step of an item: the checkpoint a re-run job resumes from.
create table item_step (
    item_id      uuid        not null references video_item (id) on delete cascade,
    step         text        not null,
    outcome      text        not null,
    note         text,
    started_at   timestamptz not null,
    finished_at  timestamptz not null,
    primary key (item_id, step)
);

-- Every try of a job on an item: which step it reached, how it ended, and the tool's last words.
create table item_attempt (
    id             bigserial   primary key,
    item_id        uuid        not null references video_item (id) on delete cascade,
    attempt        integer     not null,
    step           text,
    started_at     timestamptz not null,
    finished_at    timestamptz,
    outcome        text        not null,
    error_kind     text,
    error_message  text,
    stderr_tail    text
);

create index item_attempt_item_idx on item_attempt (item_id, attempt);

create table transcript (
    item_id     uuid        primary key references video_item (id) on delete cascade,
    language    text,
    source      text        not null,
    segments    jsonb       not null,
    created_at  timestamptz not null
);

create table summary (
    item_id     uuid        primary key references video_item (id) on delete cascade,
    method      text        not null,
    text        text        not null,
    key_points  jsonb       not null default '[]'::jsonb,
    created_at  timestamptz not null
);
