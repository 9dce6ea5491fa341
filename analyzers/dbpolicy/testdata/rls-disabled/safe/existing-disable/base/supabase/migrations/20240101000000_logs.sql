create table public.logs (id bigserial primary key, line text);
alter table public.logs disable row level security;
