create table public.documents (id uuid primary key, user_id uuid not null, org_id uuid not null, title text);
create index on public.documents (user_id);
alter table public.documents enable row level security;
create policy "authors read documents" on public.documents for select to authenticated using ((select auth.uid()) = user_id);
