create or replace function public.match_document_chunks(query_embedding float4[], ws uuid, match_count int default 8)
returns table (id bigint, document_id bigint, content text)
language sql stable
set search_path = ''
as $$
  select c.id, c.document_id, c.content
  from public.document_chunks c
  where c.workspace_id = ws
  limit match_count
$$;
revoke execute on function public.match_document_chunks(float4[], uuid, int) from public, anon;
create function public.admin_reindex() returns void language sql security definer set search_path = '' as $$ select 1 $$;
revoke all on function public.admin_reindex() from public, anon, authenticated;
