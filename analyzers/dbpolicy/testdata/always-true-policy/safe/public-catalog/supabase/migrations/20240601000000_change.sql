create table public.prices (
  id text primary key,
  product_id text,
  unit_amount bigint,
  currency text
);
alter table public.prices enable row level security;
create policy "Allow public read-only access." on public.prices for select using (true);
