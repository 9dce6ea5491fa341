create table public.posts (id uuid primary key, author_id uuid not null, title text, published boolean not null default false);
create index on public.posts (author_id);
alter table public.posts enable row level security;
create policy "authors manage posts" on public.posts for all to authenticated
  using ((select auth.uid()) = author_id) with check ((select auth.uid()) = author_id);
create policy "everyone reads published" on public.posts for select using (published);
