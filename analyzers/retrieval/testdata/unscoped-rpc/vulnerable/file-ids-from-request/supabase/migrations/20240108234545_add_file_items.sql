create extension if not exists vector;
create table attachments (id uuid primary key default gen_random_uuid(), owner_id uuid not null references auth.users(id) on delete cascade, filename text);
create table attachment_chunks (
  id bigserial primary key,
  attachment_id uuid not null references attachments(id) on delete cascade,
  owner_id uuid not null references auth.users(id) on delete cascade,
  body text not null,
  embedding vector(1536)
);
alter table attachment_chunks enable row level security;
create policy "owners manage their chunks" on attachment_chunks using (owner_id = auth.uid()) with check (owner_id = auth.uid());

create function search_attachment_chunks(query_embedding vector(1536), match_count int default 10, attachment_ids uuid[] default null)
returns table (id bigint, attachment_id uuid, body text, score float)
language sql stable
as $$
  select c.id, c.attachment_id, c.body, 1 - (c.embedding <=> query_embedding)
  from attachment_chunks c
  where c.attachment_id = any(attachment_ids)
  order by c.embedding <=> query_embedding
  limit match_count;
$$;
