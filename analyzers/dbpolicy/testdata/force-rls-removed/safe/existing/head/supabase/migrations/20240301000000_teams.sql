create table public.teams (id uuid primary key, name text);
alter table public.teams enable row level security;
