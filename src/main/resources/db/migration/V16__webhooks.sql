-- Webhooks set up by admins, one delivery per event and webhook (the event key makes it once across nodes), and
-- every try of a delivery.
create table webhook (
    id             uuid        primary key,
    url            text        not null check (length(url) between 1 and 2000),
    secret         text        not null,
    events         text[]      not null,
    allow_private  boolean     not null default false,
    created_by     text        not null,
    created_at     timestamptz not null
);

create table webhook_delivery (
    id          bigserial   primary key,
    webhook_id  uuid        not null references webhook (id) on delete cascade,
    event       text        not null,
    event_key   text        not null,
    payload     jsonb       not null,
    status      text        not null,
    attempts    integer     not null default 0,
    created_at  timestamptz not null,
    unique (webhook_id, event_key)
);

create index webhook_delivery_webhook_idx on webhook_delivery (webhook_id, created_at desc);

create table webhook_attempt (
    id           bigserial   primary key,
    delivery_id  bigint      not null references webhook_delivery (id) on delete cascade,
    attempt      integer     not null,
    at           timestamptz not null,
    status_code  integer,
    error        text,
    millis       integer     not null
);
