create table public.projects (id uuid primary key, team_id uuid not null, name text, archived boolean not null default false);
create table public.team_members (team_id uuid, user_id uuid, primary key (team_id, user_id));
alter table public.projects enable row level security;
alter table public.team_members enable row level security;
create policy p1 on public.projects for select using (true);
create policy p2 on public.projects for update to anon, authenticated using (true);
