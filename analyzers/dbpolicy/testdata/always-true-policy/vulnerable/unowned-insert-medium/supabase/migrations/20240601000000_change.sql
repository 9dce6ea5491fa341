create table public.newsletter_signups (id bigserial primary key, email text not null unique, created_at timestamptz default now());
alter table public.newsletter_signups enable row level security;
create policy "anyone can sign up" on public.newsletter_signups for insert to anon with check (true); -- want rls/always-true-policy@medium
