create extension if not exists vector;
create table public.kb_chunks (
  id bigserial primary key,
  workspace_id uuid not null,
  text text,
  embedding vector(1536)
);
alter table public.kb_chunks enable row level security;
create policy kb_chunks_member on public.kb_chunks for select to authenticated
  using (workspace_id in (select workspace_id from public.members where user_id = auth.uid()));

create table public.members (workspace_id uuid, user_id uuid references auth.users(id));

create or replace function public.match_kb_chunks(query_embedding vector(1536), match_count int)
returns table (id bigint, text text, distance float)
language sql stable
as $$
  select id, text, embedding <=> query_embedding as distance from public.kb_chunks order by distance limit match_count;
$$;
