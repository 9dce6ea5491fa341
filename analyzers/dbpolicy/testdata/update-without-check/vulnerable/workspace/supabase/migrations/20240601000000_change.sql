create table public.pages (id uuid primary key, owner_id uuid not null, workspace_id uuid not null, body text);
create index on public.pages (owner_id);
alter table public.pages enable row level security;
create policy "owners update pages" -- want rls/update-without-check
  on public.pages
  for update
  to authenticated
  using (owner_id = (select auth.uid()));
