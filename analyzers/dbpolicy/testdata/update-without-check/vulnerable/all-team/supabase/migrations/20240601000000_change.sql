create table public.tasks (id uuid primary key, user_id uuid not null, team_id uuid not null, title text);
create index on public.tasks (user_id);
alter table public.tasks enable row level security;
create policy "own tasks" on public.tasks for all to authenticated using (user_id = (select auth.uid())); -- want rls/update-without-check
