create table public.admin_notes (id uuid primary key, body text, org_id uuid);
alter table public.admin_notes enable row level security;
create policy "admins via user_metadata" on public.admin_notes for select to authenticated
  using ((auth.jwt() -> 'user_metadata' ->> 'role') = 'admin');
create policy "admins via app_metadata" on public.admin_notes for update to authenticated
  using ((auth.jwt() -> 'app_metadata' ->> 'role') = 'admin')
  with check ((auth.jwt() -> 'app_metadata' ->> 'role') = 'admin');
create policy "org via claims" on public.admin_notes for delete to authenticated
  using (org_id::text = (select auth.jwt() -> 'app_metadata' ->> 'org_id'));
create policy "raw meta" on public.admin_notes for insert to authenticated
  with check (exists (select 1 from auth.users u where u.id = auth.uid() and u.raw_user_meta_data ->> 'is_admin' = 'true'));
