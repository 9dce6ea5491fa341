create extension if not exists vector;
create table files (id uuid primary key default gen_random_uuid(), user_id uuid not null references auth.users(id) on delete cascade, name text);
create table file_items (
  id uuid primary key default gen_random_uuid(),
  file_id uuid not null references files(id) on delete cascade,
  user_id uuid not null references auth.users(id) on delete cascade,
  content text not null,
  openai_embedding vector(1536)
);
alter table file_items enable row level security;
create policy "Allow full access to own file items" on file_items using (user_id = auth.uid()) with check (user_id = auth.uid());

create function match_file_items_openai (query_embedding vector(1536), match_count int default null, file_ids uuid[] default null)
returns table (id uuid, file_id uuid, content text, similarity float)
language plpgsql
as $$
#variable_conflict use_column
begin
  return query
  select id, file_id, content, 1 - (file_items.openai_embedding <=> query_embedding) as similarity
  from file_items
  where (file_id = ANY(file_ids))
  order by file_items.openai_embedding <=> query_embedding
  limit match_count;
end;
$$;
