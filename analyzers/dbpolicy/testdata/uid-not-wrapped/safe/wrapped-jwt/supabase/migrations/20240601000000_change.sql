create table public.projects (id uuid primary key, org_id uuid not null, name text);
create index on public.projects (org_id);
alter table public.projects enable row level security;
create policy "org projects" on public.projects for select to authenticated
  using (org_id = ((select auth.jwt()) -> 'app_metadata' ->> 'org_id')::uuid);
