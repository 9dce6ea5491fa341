create or replace function public.match_documents(query_embedding vector(1536), match_count int)
returns table (id bigint, content text)
language sql stable security definer set search_path = ''
as $$
  select id, content from public.documents
  where user_id = (select auth.uid())
  order by embedding <=> query_embedding limit match_count;
$$;
