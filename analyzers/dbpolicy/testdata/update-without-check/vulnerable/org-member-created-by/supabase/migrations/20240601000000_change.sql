create table public.memberships (org_id uuid not null, user_id uuid not null, primary key (user_id, org_id));
alter table public.memberships enable row level security;
create policy "own memberships" on public.memberships for select to authenticated using (user_id = (select auth.uid()));
create table public.tickets (id uuid primary key, org_id uuid not null, created_by uuid not null, subject text);
create index on public.tickets (org_id);
alter table public.tickets enable row level security;
create policy "org members update tickets" on public.tickets for update to authenticated -- want rls/update-without-check
  using (org_id in (select m.org_id from public.memberships m where m.user_id = (select auth.uid())));
