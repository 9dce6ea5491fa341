create table public.events (id bigserial primary key, user_id uuid not null, metadata jsonb);
create index on public.events (user_id);
alter table public.events enable row level security;
create policy "own events" on public.events for select to authenticated
  using ((select auth.uid()) = user_id and metadata ->> 'visibility' = 'private');
