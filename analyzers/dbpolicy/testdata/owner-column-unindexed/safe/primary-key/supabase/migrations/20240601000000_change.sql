create table public.profiles (id uuid primary key references auth.users(id), bio text);
alter table public.profiles enable row level security;
create policy "own profile" on public.profiles for select to authenticated using ((select auth.uid()) = id);
