create schema if not exists private;
create table private.webhook_events (
  id text primary key,
  payload jsonb not null,
  received_at timestamptz not null default now()
);
