create table public.events (id bigserial primary key, created_at timestamptz not null default now(), user_id uuid not null);
create index on public.events (created_at, user_id);
alter table public.events enable row level security;
create policy "own events" on public.events for select to authenticated using (user_id = (select auth.uid())); -- want rls/owner-column-unindexed
