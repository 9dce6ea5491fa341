create extension if not exists vector;
create table public.files (id uuid primary key, user_id uuid not null references auth.users(id), name text);
create table public.file_chunks (id bigserial primary key, file_id uuid not null references public.files(id), chunk text, embedding vector(1024));
alter table public.files enable row level security;
alter table public.file_chunks enable row level security;

create or replace function public.search_file_chunks(q vector(1024), k int)
returns setof public.file_chunks
language sql security definer
as $$ select * from public.file_chunks order by embedding <-> q limit k $$;
