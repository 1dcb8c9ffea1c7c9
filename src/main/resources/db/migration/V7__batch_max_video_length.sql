-- A batch may lower the node's limit on video length (tubebatch.pipeline.max-video-duration); null keeps it.
alter table batch_options add column max_video_minutes integer check (max_video_minutes between 1 and 6000);
