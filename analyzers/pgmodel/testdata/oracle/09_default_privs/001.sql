alter default privileges in schema public revoke all on tables from anon;
alter default privileges in schema public revoke insert, update, delete, truncate on tables from authenticated;
create table public.orders (id bigserial primary key, customer_id uuid not null, total_cents int);
alter table public.orders enable row level security;
