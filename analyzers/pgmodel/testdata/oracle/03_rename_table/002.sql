alter table public.posts rename to articles;
alter table if exists public.missing rename to other;
alter table public.articles rename column author_id to user_id;
