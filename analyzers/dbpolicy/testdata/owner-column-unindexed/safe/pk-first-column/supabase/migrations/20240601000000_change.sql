create table public.team_members (user_id uuid not null, team_id uuid not null, primary key (user_id, team_id));
alter table public.team_members enable row level security;
create policy "own rows" on public.team_members for select to authenticated using (user_id = (select auth.uid()));
