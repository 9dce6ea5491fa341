create table public.events (id bigserial primary key, user_id uuid not null, created_at timestamptz default now());
create index on public.events (user_id, created_at desc);
alter table public.events enable row level security;
create policy "own events" on public.events for select to authenticated using (user_id = (select auth.uid()));
