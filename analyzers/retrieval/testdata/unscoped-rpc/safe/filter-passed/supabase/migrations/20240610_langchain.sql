create extension if not exists vector;
create table documents (id bigserial primary key, content text, metadata jsonb, embedding vector(1536), user_id uuid references auth.users(id));
create function match_documents (query_embedding vector(1536), match_count int default null, filter jsonb default '{}')
returns table (id bigint, content text, metadata jsonb, similarity float)
language plpgsql
as $$
begin
  return query
  select id, content, metadata, 1 - (documents.embedding <=> query_embedding) as similarity
  from documents where metadata @> filter
  order by documents.embedding <=> query_embedding limit match_count;
end;
$$;
