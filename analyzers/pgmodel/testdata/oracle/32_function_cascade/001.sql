create table public.boards (id uuid primary key, workspace_id uuid not null, name text);
create table public.workspace_members (workspace_id uuid, user_id uuid);
alter table public.boards enable row level security;
create function public.in_workspace(ws uuid) returns boolean language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.workspace_members where workspace_id = ws and user_id = auth.uid()) $$;
create policy boards_read on public.boards for select using (public.in_workspace(workspace_id));
create policy boards_write on public.boards for update using (public.in_workspace(workspace_id)) with check (public.in_workspace(workspace_id));
create policy boards_other on public.boards for delete using (workspace_id is not null);
