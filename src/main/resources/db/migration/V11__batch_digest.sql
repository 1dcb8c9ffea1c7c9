-- A finished batch's digest, written by the LLM across its videos' summaries: the common themes and a line per
-- video ([{position, video_id, title, line}]), how it was made, and what its calls took.
create table batch_digest (
    batch_id   uuid primary key references batch (id) on delete cascade,
    method     text        not null,
    themes     jsonb       not null,
    lines      jsonb       not null,
    llm_calls  integer     not null,
    tokens_in  bigint      not null,
    tokens_out bigint      not null,
    llm_millis bigint      not null,
    created_at timestamptz not null
);
