create extension if not exists vector;
create table public.documents (id bigserial primary key, user_id uuid not null references auth.users(id), content text, embedding vector(1536));
alter table public.documents enable row level security;

create or replace function public.match_documents(query_embedding vector(1536), match_count int)
returns table (id bigint, content text)
language sql stable security definer set search_path = ''
as $$
  select d.id, d.content from public.documents d
  where d.user_id = (select auth.uid())
  order by d.embedding <=> query_embedding limit match_count;
$$;
