create function public.my_org_ids() returns setof uuid language sql stable security definer set search_path = '' as $$
  select org_id from public.memberships where user_id = auth.uid()
$$;
