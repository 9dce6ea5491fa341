create function public.my_org_ids() returns setof uuid language sql stable as $$
  select org_id from public.memberships where user_id = auth.uid()
$$;
