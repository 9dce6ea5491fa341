create table public.profiles (
  id uuid primary key references auth.users(id) on delete cascade,
  username text unique
);
alter table public.profiles enable row level security;
create policy "own profile" on public.profiles for select to authenticated using ((select auth.uid()) = id);

create table public.audit_events (id bigserial primary key, actor_id uuid, action text);
