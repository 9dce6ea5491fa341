create table public.contacts (id uuid primary key default gen_random_uuid(), tenant_id uuid not null default public.current_tenant(), owner_id uuid references auth.users(id), email text, phone text, notes text);
create table public.deals (id uuid primary key default gen_random_uuid(), tenant_id uuid not null, contact_id uuid references public.contacts(id), value_cents bigint, stage text default 'lead');
alter table public.contacts enable row level security;
alter table public.deals enable row level security;
create policy contacts_tenant on public.contacts as restrictive for all to authenticated
  using (tenant_id = (select public.current_tenant())) with check (tenant_id = (select public.current_tenant()));
create policy contacts_read on public.contacts for select to authenticated using (true);
create policy contacts_write on public.contacts for insert to authenticated with check (owner_id = (select auth.uid()));
create policy contacts_update on public.contacts for update to authenticated using (owner_id = (select auth.uid()) or exists (
  select 1 from public.tenant_users tu where tu.tenant_id = contacts.tenant_id and tu.user_id = (select auth.uid()) and tu.is_admin));
create policy deals_tenant on public.deals for all to authenticated using (tenant_id = (select public.current_tenant()));
