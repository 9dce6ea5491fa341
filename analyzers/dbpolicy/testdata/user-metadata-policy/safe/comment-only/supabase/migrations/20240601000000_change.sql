-- Do not use user_metadata here: users can edit it.
create table public.reports (id uuid primary key, title text);
alter table public.reports enable row level security;
create policy "admins read reports" on public.reports for select to authenticated
  using (((select auth.jwt()) -> 'app_metadata' ->> 'is_admin')::boolean);
