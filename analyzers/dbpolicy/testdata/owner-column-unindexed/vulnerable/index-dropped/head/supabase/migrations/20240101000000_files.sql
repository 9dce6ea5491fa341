create table public.files (id uuid primary key, owner_id uuid not null, path text);
create index files_owner_id_idx on public.files (owner_id);
alter table public.files enable row level security;
create policy "own files" on public.files for select to authenticated using ((select auth.uid()) = owner_id);
