create table public.projects (id uuid primary key, org_id uuid not null, name text);
create index on public.projects (org_id);
alter table public.projects enable row level security;
create policy "org projects" on public.projects for select to authenticated -- want rls/uid-not-wrapped
  using (org_id = (auth.jwt() -> 'app_metadata' ->> 'org_id')::uuid);
