create extension if not exists vector with schema extensions;

create table public.documents (
  id bigint primary key generated always as identity,
  user_id uuid not null references auth.users (id) on delete cascade,
  content text not null,
  embedding extensions.vector(1536)
);

alter table public.documents enable row level security;
create policy "owners read their documents" on public.documents for select to authenticated using (user_id = (select auth.uid()));

create or replace function public.match_documents(query_embedding extensions.vector(1536), match_count int default 5)
returns table (id bigint, content text, similarity float)
language sql stable security definer set search_path = ''
as $$
  select d.id, d.content, 1 - (d.embedding <=> query_embedding) as similarity
  from public.documents d
  order by d.embedding <=> query_embedding
  limit match_count;
$$;
