create table public.accounts (id uuid primary key, owner_id uuid not null references auth.users(id));
create index on public.accounts (owner_id);
alter table public.accounts enable row level security;
create policy "own accounts" on public.accounts for select to authenticated using ((select auth.uid()) = owner_id);
