-- Search hits are one per video and segment, from the video's newest transcript. The segment rows now carry what that
-- choice needs (the video id, immutable for an item, and the transcript's created_at), so the search ranks the
-- matching segments without looking up their item and transcript (two index probes per match were a third of the
-- time of a common word).

-- The table is rebuilt with the new columns rather than updated in place: an UPDATE would write every row twice and
-- re-insert every row into the GIN index; the index is built once afterwards, as V14 does.
alter table transcript_segment rename to transcript_segment_v14;
drop index transcript_segment_tsv_idx;

create table transcript_segment (
    item_id        uuid             not null,
    ordinal        integer          not null,
    start_seconds  double precision not null,
    end_seconds    double precision not null,
    text           text             not null,
    config         text             not null,
    tsv            tsvector         not null,
    video_id       text             not null,
    created_at     timestamptz      not null
);

insert into transcript_segment (item_id, ordinal, start_seconds, end_seconds, text, config, tsv, video_id,
                                created_at)
select s.item_id, s.ordinal, s.start_seconds, s.end_seconds, s.text, s.config, s.tsv, i.video_id, t.created_at
  from transcript_segment_v14 s
  join transcript t on t.item_id = s.item_id
  join video_item i on i.id = s.item_id;

drop table transcript_segment_v14;

alter table transcript_segment add primary key (item_id, ordinal),
    add foreign key (item_id) references transcript (item_id) on delete cascade;

create index transcript_segment_tsv_idx on transcript_segment using gin (tsv);

create or replace function transcript_segment_sync() returns trigger
    language plpgsql as $$
begin
    insert into search_config_in_use (config) values (search_config(new.language)) on conflict do nothing;
    delete from transcript_segment where item_id = new.item_id;
    insert into transcript_segment (item_id, ordinal, start_seconds, end_seconds, text, config, tsv, video_id,
                                    created_at)
    select r.*, i.video_id, new.created_at
      from transcript_segment_rows(new.item_id, new.language, new.segments) r
      join video_item i on i.id = new.item_id;
    return null;
end
$$;

drop trigger transcript_segment_sync on transcript;
create trigger transcript_segment_sync
    after insert or update of segments, language, created_at on transcript
    for each row execute function transcript_segment_sync();

analyze transcript_segment;
