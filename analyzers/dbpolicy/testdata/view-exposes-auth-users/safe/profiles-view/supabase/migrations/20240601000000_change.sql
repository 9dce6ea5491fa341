create table public.profiles (id uuid primary key references auth.users(id), username text, avatar_url text);
alter table public.profiles enable row level security;
create policy "profiles are public" on public.profiles for select using (true);
create view public.public_profiles with (security_invoker = true) as select id, username, avatar_url from public.profiles;
