-- Email recipients set up by admins, each with the events they want. Their deliveries share the webhook delivery log:
-- a channel column tells a webhook's delivery (WEBHOOK) from a recipient's (EMAIL), and each row names exactly one
-- target. An attempt's status_code holds the HTTP status of a webhook try or the SMTP reply code of an email try.
create table mail_recipient (
    id          uuid        primary key,
    address     text        not null check (length(address) between 3 and 320),
    events      text[]      not null,
    created_by  text        not null,
    created_at  timestamptz not null
);

create unique index mail_recipient_address_idx on mail_recipient (lower(address));

alter table webhook_delivery
    add column channel text not null default 'WEBHOOK' check (channel in ('WEBHOOK', 'EMAIL')),
    add column mail_recipient_id uuid references mail_recipient (id) on delete cascade,
    alter column webhook_id drop not null,
    add constraint webhook_delivery_one_target check (
        (channel = 'WEBHOOK' and webhook_id is not null and mail_recipient_id is null)
        or (channel = 'EMAIL' and mail_recipient_id is not null and webhook_id is null)),
    add constraint webhook_delivery_recipient_event_key unique (mail_recipient_id, event_key);

create index webhook_delivery_recipient_idx on webhook_delivery (mail_recipient_id, created_at desc);
