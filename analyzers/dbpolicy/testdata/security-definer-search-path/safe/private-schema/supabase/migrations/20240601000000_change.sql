create schema if not exists private;
create function private.org_ids_for(uid uuid) returns setof uuid language sql stable security definer as $$
  select org_id from public.memberships where user_id = uid
$$;
