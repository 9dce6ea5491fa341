create table public.customers (
  id uuid references auth.users not null primary key,
  stripe_customer_id text
);
alter table customers enable row level security;
-- No policies for customers: private table, only the service role reads it.

create type pricing_type as enum ('one_time', 'recurring');
create table prices (
  id text primary key,
  product_id text,
  active boolean,
  unit_amount bigint,
  currency text check (char_length(currency) = 3),
  type pricing_type
);
alter table prices enable row level security;
create policy "Allow public read-only access." on prices for select using (true);

create table public.invoices (
  id text primary key,
  customer_id uuid not null references public.customers(id),
  amount_due bigint not null,
  status text,
  hosted_invoice_url text
);
alter table public.invoices enable row level security;
create policy "Can view own invoices" on public.invoices for select
  using (customer_id = auth.uid());
revoke insert, update, delete, truncate on public.invoices from anon, authenticated;
revoke all on public.customers from anon, authenticated;
