create table public.notes (id uuid primary key, user_id uuid not null, team_id uuid not null, body text);
create index on public.notes (user_id, team_id);
create index on public.notes (team_id);
alter table public.notes enable row level security;
create policy "edit own team notes" on public.notes for update to authenticated
  using ((select auth.uid()) = user_id and team_id = ((select auth.jwt()) -> 'app_metadata' ->> 'team_id')::uuid);
