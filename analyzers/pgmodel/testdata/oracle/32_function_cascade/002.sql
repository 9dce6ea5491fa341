drop function public.in_workspace(uuid) cascade;
create or replace function public.in_workspace(ws uuid) returns boolean language plpgsql stable as $$
begin
  return exists (select 1 from public.workspace_members where workspace_id = ws and user_id = auth.uid());
end $$;
create policy boards_read on public.boards for select to authenticated using (public.in_workspace(workspace_id));
