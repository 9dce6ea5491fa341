create table public.raw_events (id bigserial primary key, user_id uuid, kind text);
create table public.event_counts as select user_id, count(*) as n from public.raw_events group by user_id;
create table public.event_kinds (kind) as select distinct kind from public.raw_events;
alter table public.event_counts enable row level security;
