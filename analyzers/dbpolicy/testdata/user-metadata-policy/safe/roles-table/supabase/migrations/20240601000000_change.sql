create table public.user_roles (user_id uuid primary key references auth.users(id), role text not null);
alter table public.user_roles enable row level security;
create policy "read own role" on public.user_roles for select to authenticated using ((select auth.uid()) = user_id);
create table public.reports (id uuid primary key, title text);
alter table public.reports enable row level security;
create policy "admins read reports" on public.reports for select to authenticated
  using (exists (select 1 from public.user_roles r where r.user_id = (select auth.uid()) and r.role = 'admin'));
