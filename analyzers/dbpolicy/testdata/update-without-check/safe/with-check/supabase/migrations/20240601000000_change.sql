create table public.documents (id uuid primary key, user_id uuid not null, org_id uuid not null, title text);
create index on public.documents (user_id);
create index on public.documents (org_id);
alter table public.documents enable row level security;
create policy "authors edit documents" on public.documents for update to authenticated
  using ((select auth.uid()) = user_id)
  with check ((select auth.uid()) = user_id and org_id in (select org_id from public.memberships where user_id = (select auth.uid())));
create table public.memberships (org_id uuid not null, user_id uuid not null, primary key (user_id, org_id));
alter table public.memberships enable row level security;
create policy "own memberships" on public.memberships for select to authenticated using (user_id = (select auth.uid()));
