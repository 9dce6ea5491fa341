create table public.profiles (id uuid primary key references auth.users(id), username text);
alter table public.profiles enable row level security;
create policy "profiles are public" on public.profiles for select using (true);
create view public.members as -- want rls/view-exposes-auth-users
  select p.id, p.username, u.email
  from public.profiles p join auth.users u on u.id = p.id;
