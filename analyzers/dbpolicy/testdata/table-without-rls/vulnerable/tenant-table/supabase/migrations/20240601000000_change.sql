create table public.organizations (id uuid primary key, name text not null);
alter table public.organizations enable row level security;

create table public.invoices ( -- want rls/table-without-rls@critical
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations(id),
  amount_cents bigint not null,
  status text not null default 'open'
);
