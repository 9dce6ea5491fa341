create table public.org_members (org_id uuid not null, user_id uuid not null, primary key (user_id, org_id));
alter table public.org_members enable row level security;
create policy "see own memberships" on public.org_members for select to authenticated using (user_id = (select auth.uid()));
create table public.projects (id uuid primary key, org_id uuid not null, name text);
create index on public.projects (org_id);
alter table public.projects enable row level security;
create policy "members read projects" on public.projects for select to authenticated
  using (org_id in (select org_id from public.org_members where user_id = (select auth.uid())));
