create table public.reports (id uuid primary key, title text, body text);
alter table public.reports enable row level security;
create policy "admins read reports" on public.reports for select to authenticated -- want rls/user-metadata-policy
  using (((select auth.jwt()) -> 'user_metadata' ->> 'role') = 'admin');
