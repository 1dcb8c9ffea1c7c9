-- Per-batch summary options: null means "as this node is configured" (tubebatch.inference.summary.*).
create table batch_options (
    batch_id          uuid primary key references batch (id) on delete cascade,
    summaries         boolean not null default true,
    summary_sentences integer check (summary_sentences between 1 and 20)
);
