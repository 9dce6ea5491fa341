create table public.tenant_data (id uuid primary key, tenant_id uuid not null, payload jsonb);
alter table public.tenant_data enable row level security;
create policy tenant_isolation on public.tenant_data as restrictive for all to authenticated
  using (tenant_id = ((auth.jwt() -> 'app_metadata' ->> 'tenant_id'))::uuid)
  with check (tenant_id = ((auth.jwt() -> 'app_metadata' ->> 'tenant_id'))::uuid);
create policy read_all on public.tenant_data as permissive for select to authenticated using (true);
create policy mfa_required on public.tenant_data as restrictive to authenticated using ((select auth.jwt() ->> 'aal') = 'aal2');
