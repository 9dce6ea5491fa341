create function public.my_org_ids() returns setof uuid language sql stable security definer as $$
  select org_id from public.memberships where user_id = auth.uid()
$$;
alter function public.my_org_ids() set search_path = public, pg_temp;
