create table public.invoices (id uuid primary key, customer_id uuid, amount int);
alter table public.invoices enable row level security;
create view public.invoice_summary as select customer_id, sum(amount) as total from public.invoices group by customer_id;
alter view public.invoice_summary rename to customer_totals;
alter table public.customer_totals set (security_invoker = true);
create materialized view public.invoice_mv as select * from public.invoices;
alter materialized view public.invoice_mv rename to invoice_snapshot;
revoke select on public.invoice_snapshot from anon, authenticated;
