create table public.comments (id bigserial primary key, author_id uuid not null, body text);
alter table public.comments enable row level security;
create policy "write own comments" on public.comments for insert to authenticated with check ((select auth.uid()) = author_id); -- want rls/owner-column-unindexed
