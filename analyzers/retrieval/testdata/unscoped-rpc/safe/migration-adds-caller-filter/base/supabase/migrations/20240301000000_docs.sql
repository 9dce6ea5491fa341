create extension if not exists vector;
create table public.documents (id bigserial primary key, user_id uuid not null references auth.users(id), content text, embedding vector(1536));
alter table public.documents enable row level security;
create policy "own documents" on public.documents for select to authenticated using (user_id = auth.uid());

create or replace function public.match_documents(query_embedding vector(1536), match_count int)
returns table (id bigint, content text)
language sql stable
as $$ select id, content from public.documents order by embedding <=> query_embedding limit match_count; $$;
