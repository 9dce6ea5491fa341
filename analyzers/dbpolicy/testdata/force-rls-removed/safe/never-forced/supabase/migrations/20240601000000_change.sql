create table public.events (id bigserial primary key, name text);
alter table public.events enable row level security;
alter table public.events no force row level security;
