create extension if not exists pg_trgm with schema extensions;
create table public.workspaces (id uuid primary key default gen_random_uuid(), name text not null, owner_id uuid not null references auth.users(id));
create table public.workspace_members (workspace_id uuid references public.workspaces(id) on delete cascade, user_id uuid references auth.users(id) on delete cascade, role text not null default 'member', primary key (workspace_id, user_id));
alter table public.workspaces enable row level security;
alter table public.workspace_members enable row level security;
create schema if not exists private;
create function private.is_workspace_member(ws uuid) returns boolean language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.workspace_members m where m.workspace_id = ws and m.user_id = (select auth.uid()))
$$;
grant usage on schema private to authenticated;
create policy "members read workspaces" on public.workspaces for select to authenticated using ((select private.is_workspace_member(id)));
create policy "owners update workspaces" on public.workspaces for update to authenticated using (owner_id = (select auth.uid()));
create policy "members read members" on public.workspace_members for select to authenticated using ((select private.is_workspace_member(workspace_id)));
