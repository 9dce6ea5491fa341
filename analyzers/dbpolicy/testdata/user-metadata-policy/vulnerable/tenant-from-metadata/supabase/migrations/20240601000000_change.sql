create table public.projects (id uuid primary key, org_id uuid not null, name text);
create index on public.projects (org_id);
alter table public.projects enable row level security;
create policy "tenant isolation" on public.projects for all to authenticated -- want rls/user-metadata-policy
  using (org_id::text = ((select auth.jwt()) -> 'user_metadata' ->> 'org_id'))
  with check (org_id::text = ((select auth.jwt()) -> 'user_metadata' ->> 'org_id'));
