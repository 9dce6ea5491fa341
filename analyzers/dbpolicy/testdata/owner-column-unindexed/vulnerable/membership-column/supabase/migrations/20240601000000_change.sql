create table public.memberships (org_id uuid not null, user_id uuid not null, primary key (user_id, org_id));
alter table public.memberships enable row level security;
create policy "own memberships" on public.memberships for select to authenticated using (user_id = (select auth.uid()));
create table public.invoices (id uuid primary key, org_id uuid not null, total int);
alter table public.invoices enable row level security;
create policy "org invoices" on public.invoices for select to authenticated -- want rls/owner-column-unindexed
  using (org_id in (select m.org_id from public.memberships m where m.user_id = (select auth.uid())));
