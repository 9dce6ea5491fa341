create function public.my_org_ids() returns setof uuid -- want rls/security-definer-search-path
language sql stable security definer as $$
  select org_id from public.memberships where user_id = auth.uid()
$$;
