-- A video that reached an inference step while every inference slot was busy gave its worker back: it waits as
-- PENDING with this flag, and the dispatcher hands it out again only to a node with a free slot, oldest wait first
-- (queued_at), ahead of videos that have not started. Cleared when it is handed out.
alter table video_item add column waits_for_inference boolean not null default false;

create index video_item_inference_wait on video_item (queued_at, position)
    where waits_for_inference and status = 'PENDING';
