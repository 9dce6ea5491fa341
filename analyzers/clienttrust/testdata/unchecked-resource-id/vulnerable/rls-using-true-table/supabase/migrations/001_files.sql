create table public.files (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users,
  name text not null,
  storage_path text not null
);
alter table public.files enable row level security;
create policy "signed in users read files" on public.files for select to authenticated using (true);
