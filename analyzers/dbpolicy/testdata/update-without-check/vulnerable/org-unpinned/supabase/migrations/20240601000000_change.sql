create table public.documents (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id),
  org_id uuid not null,
  title text
);
create index on public.documents (user_id);
alter table public.documents enable row level security;
create policy "authors edit documents" on public.documents for update to authenticated -- want rls/update-without-check
  using ((select auth.uid()) = user_id);
