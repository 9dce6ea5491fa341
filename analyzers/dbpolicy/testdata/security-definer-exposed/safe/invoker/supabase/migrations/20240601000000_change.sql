create function public.count_documents() returns bigint language sql stable set search_path = '' as $$
  select count(*) from public.documents
$$;
