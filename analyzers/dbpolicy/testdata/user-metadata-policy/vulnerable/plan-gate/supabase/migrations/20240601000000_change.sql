create table public.premium_content (id bigserial primary key, title text, body text);
alter table public.premium_content enable row level security;
create policy "pro users read premium" on public.premium_content for select to authenticated using ( -- want rls/user-metadata-policy
  ((select auth.jwt()) -> 'user_metadata' ->> 'plan') = 'pro'
);
