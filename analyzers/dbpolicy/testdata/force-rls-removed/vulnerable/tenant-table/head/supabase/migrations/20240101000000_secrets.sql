create table public.tenant_secrets (id uuid primary key, tenant_id uuid not null, value text);
create index on public.tenant_secrets (tenant_id);
alter table public.tenant_secrets enable row level security;
alter table public.tenant_secrets force row level security;
