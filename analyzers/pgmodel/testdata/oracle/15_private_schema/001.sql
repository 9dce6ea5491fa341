create schema if not exists private;
create table private.secrets (id uuid primary key, user_id uuid references auth.users(id), token text);
create function private.is_admin() returns boolean language sql security definer set search_path = '' as $$
  select coalesce((auth.jwt() -> 'app_metadata' ->> 'role') = 'admin', false) $$;
create table public.reports (id uuid primary key, org_id uuid, body text);
alter table public.reports enable row level security;
create policy admins_read_reports on public.reports for select to authenticated using ((select private.is_admin()));
grant usage on schema private to authenticated;
grant execute on function private.is_admin() to authenticated;
