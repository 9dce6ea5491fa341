create table public.leads (
  id bigserial primary key,
  owner_id uuid references auth.users(id),
  email text not null,
  note text
);
create index on public.leads (owner_id);
alter table public.leads enable row level security;
create policy "anyone can submit" on public.leads for insert to anon with check (true); -- want rls/always-true-policy@critical
