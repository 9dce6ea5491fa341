create table public.teams (id uuid primary key, name text not null);
alter table public.teams enable row level security;
