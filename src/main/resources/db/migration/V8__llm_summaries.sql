-- LLM summaries. A video's chapters as yt-dlp gave them ([{start, end, title}]), kept so a summary made later (a
-- retry) never asks yt-dlp again.
alter table video_item add column chapters jsonb;

-- A summary's parts beyond its text and key points: one summary per chapter or part ([{start, title, text}]), a
-- note (e.g. why a fallback method made it), and what the LLM calls cost: calls, tokens in and out, time, money.
alter table summary add column chapters jsonb not null default '[]',
                    add column note text,
                    add column llm_calls integer,
                    add column tokens_in bigint,
                    add column tokens_out bigint,
                    add column llm_millis bigint,
                    add column cost numeric(14, 6);

-- Per-batch LLM choices: a preset (brief, detailed, study-notes, action-items) and an instruction of the user's.
alter table batch_options add column summary_preset text,
                          add column summary_instruction text check (length(summary_instruction) <= 2000);
