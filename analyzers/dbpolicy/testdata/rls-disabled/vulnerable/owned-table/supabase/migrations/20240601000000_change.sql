create table public.orders (id bigserial primary key, user_id uuid not null references auth.users(id), total_cents int);
create index on public.orders (user_id);
alter table public.orders enable row level security;
create policy "own orders" on public.orders for select to authenticated using ((select auth.uid()) = user_id);
-- the dashboard query was slow, switch it off for now
alter table public.orders disable row level security; -- want rls/rls-disabled@critical
