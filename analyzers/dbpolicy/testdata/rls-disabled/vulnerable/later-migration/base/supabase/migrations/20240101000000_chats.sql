create table public.chats (id uuid primary key, user_id uuid not null references auth.users(id), title text);
create index on public.chats (user_id);
alter table public.chats enable row level security;
create policy "own chats" on public.chats for all to authenticated using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);
