-- The engine: items can wait for a time (retry rounds), attempts record when their retry was planned,
-- and a batch remembers whether its on-error "retry" round has been given.
alter table video_item add column not_before timestamptz;
alter table item_attempt add column retry_at timestamptz;
alter table batch add column retry_round_done boolean not null default false;

create index video_item_waiting_idx on video_item (batch_id, position) where status = 'PENDING';
create index video_item_in_flight_idx on video_item (batch_id) where status in ('QUEUED', 'RUNNING');
