create extension if not exists vector;
create table public.faq (id bigserial primary key, question text, answer text, embedding vector(1536));
