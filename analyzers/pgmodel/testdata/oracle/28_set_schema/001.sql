create schema internal;
create table public.webhook_events (id text primary key, payload jsonb, received_at timestamptz default now());
alter table public.webhook_events enable row level security;
create function public.process_event(evt text) returns void language sql security definer set search_path = '' as $$ select 1 $$;
alter table public.webhook_events set schema internal;
alter function public.process_event(text) set schema internal;
create view public.v as select 1 as one;
alter view public.v set schema internal;
