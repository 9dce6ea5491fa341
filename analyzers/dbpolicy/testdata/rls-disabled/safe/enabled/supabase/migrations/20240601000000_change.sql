create table public.orders (id bigserial primary key, user_id uuid not null, total_cents int);
create index on public.orders (user_id);
alter table public.orders enable row level security;
