create table public.invoices (id uuid primary key, customer_id uuid not null, amount_cents int, pdf_url text);
create index on public.invoices (customer_id);
alter table public.invoices enable row level security;
create policy "Enable read access for authenticated users" on public.invoices -- want rls/policy-without-owner-check
  for select using ((select auth.role()) = 'authenticated');
