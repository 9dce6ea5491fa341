create extension if not exists vector;
create table public.embeddings (id bigserial primary key, user_id uuid not null references auth.users(id), chunk text, embedding vector(1536));
