create or replace function public.leave_team(p_team uuid) returns void -- want rls/security-definer-search-path
language plpgsql
security definer
as $$
begin
  delete from team_members where team_id = p_team and user_id = auth.uid();
end;
$$;
