create extension if not exists vector;

create table notes (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users(id),
  body text,
  embedding vector(768)
);

create function match_notes(query_embedding vector(768), match_threshold float, match_count int)
returns setof notes
language plpgsql
as $$
begin
  return query
  select * from notes
  where 1 - (notes.embedding <=> query_embedding) > match_threshold
  order by notes.embedding <=> query_embedding
  limit match_count;
end;
$$;
