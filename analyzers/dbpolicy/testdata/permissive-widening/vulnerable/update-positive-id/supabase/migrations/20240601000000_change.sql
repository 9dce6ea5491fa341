create table public.scores (id bigint primary key, player_id uuid not null references auth.users(id), points int not null default 0);
create index on public.scores (player_id);
alter table public.scores enable row level security;
create policy "players update own score" on public.scores for update to authenticated
  using ((select auth.uid()) = player_id) with check ((select auth.uid()) = player_id);
create policy "bump scores" on public.scores for update to authenticated using (id > 0) with check (points >= 0); -- want rls/permissive-widening
