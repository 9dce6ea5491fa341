create table public.posts (id uuid primary key default gen_random_uuid(), author_id uuid references auth.users(id), body text, published boolean default false);
alter table public.posts enable row level security;
create policy "read published" on public.posts for select using (published);
create policy "authors write" on public.posts for all to authenticated using (author_id = auth.uid()) with check (author_id = auth.uid());
create table public.comments (id uuid primary key, post_id uuid references public.posts(id), user_id uuid, body text);
alter table public.comments enable row level security;
create policy "comments on visible posts" on public.comments for select
  using (exists (select 1 from public.posts where posts.id = comments.post_id and posts.published));
