create table public.workspace_files (
  id uuid primary key,
  workspace_id uuid not null,
  path text not null
);
create index on public.workspace_files (workspace_id);
alter table public.workspace_files enable row level security;
create policy "temp: open while we debug" on public.workspace_files for all to authenticated -- want rls/always-true-policy@critical
  using ('a' = 'a') with check ('a' = 'a');
