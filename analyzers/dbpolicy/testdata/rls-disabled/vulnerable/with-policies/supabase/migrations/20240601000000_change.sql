create table public.api_tokens (id uuid primary key, account_id uuid not null, token_hash text not null);
create index on public.api_tokens (account_id);
alter table public.api_tokens enable row level security;
create policy "own tokens" on public.api_tokens for select to authenticated
  using (account_id in (select id from public.accounts where owner_id = (select auth.uid())));
alter table public.api_tokens disable row level security; -- want rls/rls-disabled@critical
