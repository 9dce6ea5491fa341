create table public.tenants (id uuid primary key default gen_random_uuid(), name text not null, plan text not null default 'free');
create table public.tenant_users (tenant_id uuid not null references public.tenants(id), user_id uuid not null references auth.users(id), is_admin boolean not null default false, primary key (tenant_id, user_id));
alter table public.tenants enable row level security;
alter table public.tenant_users enable row level security;
create or replace function public.current_tenant() returns uuid language sql stable as $$
  select nullif(((select auth.jwt()) -> 'app_metadata' ->> 'tenant_id'), '')::uuid
$$;
create policy tenant_read on public.tenants for select to authenticated using (id = (select public.current_tenant()));
create policy tenant_users_read on public.tenant_users for select to authenticated using (tenant_id = (select public.current_tenant()));
