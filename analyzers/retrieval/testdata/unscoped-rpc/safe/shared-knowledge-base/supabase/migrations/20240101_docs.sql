create extension if not exists vector;
-- Public product documentation, the same for every visitor.
create table public.page_sections (id bigserial primary key, page_path text, content text, embedding vector(1536));
alter table public.page_sections enable row level security;
create policy "anyone reads docs" on public.page_sections for select using (true);

create or replace function public.match_page_sections(embedding vector(1536), match_threshold float, match_count int, min_content_length int)
returns table (path text, content text, similarity float)
language plpgsql security definer
as $$
begin
  return query
  select page_path, page_sections.content, (page_sections.embedding <#> embedding) * -1 as similarity
  from page_sections
  where length(page_sections.content) >= min_content_length
  order by page_sections.embedding <#> embedding
  limit match_count;
end;
$$;
