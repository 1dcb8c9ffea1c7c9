-- Per-batch caption languages, in order of preference (null: the node's tubebatch.ytdlp.caption-languages). The
-- entry 'orig' stands for the language yt-dlp reports for the video. Codes are checked by the application too.
alter table batch_options add column caption_languages text[]
        check (caption_languages is null or cardinality(caption_languages) between 1 and 10),
    add column translated_captions boolean not null default false;

-- transcript.source and video_item.transcript_source are free text (enum names), so TRANSLATED_CAPTIONS needs no
-- change there.
