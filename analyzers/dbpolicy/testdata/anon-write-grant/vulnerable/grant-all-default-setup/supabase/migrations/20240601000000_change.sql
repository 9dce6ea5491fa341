create table public.orders (id bigserial primary key, user_id uuid not null, total_cents int not null);
create index on public.orders (user_id);
alter table public.orders enable row level security;
create policy "own orders" on public.orders for select to authenticated using ((select auth.uid()) = user_id);

grant all on table public.orders to anon; -- want rls/anon-write-grant
