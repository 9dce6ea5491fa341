create table public.docs (id uuid primary key default gen_random_uuid(), owner_id uuid not null default auth.uid() references auth.users, body text);
alter table public.docs enable row level security;
create policy "docs owner" on public.docs for all to authenticated using ((select auth.uid()) = owner_id) with check ((select auth.uid()) = owner_id);
