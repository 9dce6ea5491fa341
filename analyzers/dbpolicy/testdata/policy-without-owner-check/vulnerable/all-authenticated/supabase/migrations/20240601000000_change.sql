create table public.memberships (org_id uuid not null, user_id uuid not null, role text not null, primary key (org_id, user_id));
create index on public.memberships (user_id);
alter table public.memberships enable row level security;
create policy "members manage memberships" on public.memberships -- want rls/policy-without-owner-check
  for all to authenticated
  using ((select auth.role()) = 'authenticated')
  with check ((select auth.role()) = 'authenticated');
