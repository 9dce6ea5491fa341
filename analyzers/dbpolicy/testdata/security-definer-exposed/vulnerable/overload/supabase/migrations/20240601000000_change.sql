create function public.search_documents(q text) returns setof bigint language sql stable set search_path = '' as $$
  select id from public.documents where content ilike '%' || q || '%'
$$;
create function public.search_documents(q text, lim int) returns setof bigint -- want rls/security-definer-exposed@high
language sql stable security definer set search_path = '' as $$
  select id from public.documents where content ilike '%' || q || '%' limit lim
$$;
