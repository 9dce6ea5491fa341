create table public.posts (id uuid primary key, author_id uuid not null, title text, published boolean not null default false);
create index on public.posts (author_id);
alter table public.posts enable row level security;
create policy "anyone reads published posts" on public.posts for select using (published);
create policy "authors read drafts" on public.posts for select to authenticated using ((select auth.uid()) = author_id);
