create table public.customers (id bigserial primary key, user_id uuid not null unique, stripe_id text);
alter table public.customers enable row level security;
create policy "own customer" on public.customers for select to authenticated using ((select auth.uid()) = user_id);
