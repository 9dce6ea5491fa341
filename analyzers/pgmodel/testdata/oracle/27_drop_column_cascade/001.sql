create table public.files (id uuid primary key, uploader uuid, shared boolean default false, name text);
alter table public.files enable row level security;
create policy by_uploader on public.files for select using (uploader = auth.uid());
create policy shared_files on public.files for select using (shared);
create policy uploader_insert on public.files for insert with check (uploader = auth.uid());
alter table public.files drop column shared cascade;
alter table public.files add column owner_id uuid references auth.users(id);
