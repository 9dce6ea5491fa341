create table public.carts (id uuid primary key, user_id uuid not null, items jsonb);
create index on public.carts (user_id);
alter table public.carts disable row level security;
update public.carts set items = '[]'::jsonb where items is null;
alter table public.carts enable row level security;
