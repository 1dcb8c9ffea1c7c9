-- A batch's output folder is named <name>-<yyyyMMdd-HHmmss>-<first 8 hex digits of its id>, so that two batches of
-- the same name created in the same second never share one. Batches stored before that keep the folder they were
-- written to (<name>-<yyyyMMdd-HHmmss>): the column says which naming a batch uses. Existing rows get true; rows
-- inserted from now on get false unless they say otherwise.
alter table batch add column legacy_folder_name boolean not null default true;
alter table batch alter column legacy_folder_name set default false;
