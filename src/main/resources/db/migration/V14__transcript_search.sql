-- Full-text search over transcripts: one row per segment with its tsvector, kept in step with `transcript` by a
-- trigger, so every writer (the captions step, speech to text, anything later) is indexed without knowing of it.

-- Which text-search configuration a transcript language uses: its primary subtag (en-US -> en), else `simple`.
create table search_language (
    language  text primary key check (language ~ '^[a-z]{2,3}$'),
    config    text not null check (config ~ '^[a-z_]+$')
);

insert into search_language (language, config) values
    ('en', 'english'), ('de', 'german'), ('fr', 'french'), ('es', 'spanish'), ('it', 'italian'),
    ('pt', 'portuguese'), ('nl', 'dutch'), ('ru', 'russian'), ('sv', 'swedish'), ('no', 'norwegian'),
    ('nb', 'norwegian'), ('nn', 'norwegian'), ('da', 'danish'), ('fi', 'finnish'), ('hu', 'hungarian'),
    ('ro', 'romanian'), ('tr', 'turkish');

create function search_config(lang text) returns text
    language sql stable parallel safe as $$
    select coalesce((select l.config from search_language l
                      where l.language = lower(split_part(replace(coalesce(lang, ''), '_', '-'), '-', 1))),
                    'simple')
$$;

-- config is text, not regconfig: pg_upgrade refuses user tables with regconfig columns.
create table transcript_segment (
    item_id        uuid             not null references transcript (item_id) on delete cascade,
    ordinal        integer          not null,
    start_seconds  double precision not null,
    end_seconds    double precision not null,
    text           text             not null,
    config         text             not null,
    tsv            tsvector         not null,
    primary key (item_id, ordinal)
);

-- Transcripts are plain text, but PostgreSQL's parser reads markup: after "<script>" or "<style>" it skips
-- everything. Documents, queries and snippets all go through this, so "<" is only ever a separator.
create function search_text(t text) returns text
    language sql immutable parallel safe strict as $$
    select translate(t, '<', ' ')
$$;

-- Snippets are marked with the control characters STX/ETX and escaped afterwards, so the stored text has none.
create function transcript_segment_rows(p_item uuid, p_language text, p_segments jsonb)
    returns table (item_id uuid, ordinal integer, start_seconds double precision, end_seconds double precision,
                   text text, config text, tsv tsvector)
    language sql stable parallel safe as $$
    select p_item, e.n::integer, coalesce((e.s ->> 'start')::double precision, 0),
           coalesce((e.s ->> 'end')::double precision, 0), x.t, c.cfg, to_tsvector(c.cfg::regconfig, search_text(x.t))
      from jsonb_array_elements(p_segments) with ordinality as e (s, n)
           cross join lateral (select translate(coalesce(e.s ->> 'text', ''), chr(2) || chr(3), '') as t) x
           cross join (select search_config(p_language) as cfg) c
$$;

-- The configurations some transcript has used. Search builds its query as an OR over these (one GIN index scan per
-- branch, so only those in use); rows are added by the trigger and never removed, which only costs an empty branch.
create table search_config_in_use (
    config  text primary key
);

create function transcript_segment_sync() returns trigger
    language plpgsql as $$
begin
    insert into search_config_in_use (config) values (search_config(new.language)) on conflict do nothing;
    delete from transcript_segment where item_id = new.item_id;
    insert into transcript_segment (item_id, ordinal, start_seconds, end_seconds, text, config, tsv)
    select * from transcript_segment_rows(new.item_id, new.language, new.segments);
    return null;
end
$$;

create trigger transcript_segment_sync
    after insert or update of segments, language on transcript
    for each row execute function transcript_segment_sync();

-- Transcripts stored before this migration; the index is built afterwards, which is faster than row by row.
insert into transcript_segment (item_id, ordinal, start_seconds, end_seconds, text, config, tsv)
select r.* from transcript t cross join lateral transcript_segment_rows(t.item_id, t.language, t.segments) r;

insert into search_config_in_use (config) select distinct search_config(language) from transcript;

create index transcript_segment_tsv_idx on transcript_segment using gin (tsv);
