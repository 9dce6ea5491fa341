create type public.member_role as enum ('owner', 'admin', 'member');

create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  slug text unique not null,
  created_by uuid references auth.users(id),
  created_at timestamptz default now()
);

create table public.memberships (
  organization_id uuid not null references public.organizations(id) on delete cascade,
  user_id uuid not null references auth.users(id) on delete cascade,
  role public.member_role not null default 'member',
  primary key (organization_id, user_id)
);
create index memberships_user_id_idx on public.memberships (user_id);

alter table public.organizations enable row level security;
alter table public.memberships enable row level security;

create or replace function public.is_org_member(org uuid)
returns boolean
language sql
security definer
set search_path = public, pg_temp
stable
as $$
  select exists (
    select 1 from public.memberships m
    where m.organization_id = org and m.user_id = auth.uid()
  );
$$;
revoke execute on function public.is_org_member(uuid) from public, anon;

create policy "members read their orgs" on public.organizations
  for select to authenticated
  using (public.is_org_member(id));
create policy "members read memberships" on public.memberships
  for select to authenticated
  using (user_id = (select auth.uid()) or public.is_org_member(organization_id));
create policy "owners manage memberships" on public.memberships
  for all to authenticated
  using (exists (select 1 from public.memberships me where me.organization_id = memberships.organization_id
                 and me.user_id = (select auth.uid()) and me.role = 'owner'))
  with check (exists (select 1 from public.memberships me where me.organization_id = memberships.organization_id
                 and me.user_id = (select auth.uid()) and me.role = 'owner'));
