create table public.chats (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id) on delete cascade,
  title text
);
create index chats_user_id_idx on public.chats (user_id);
alter table public.chats enable row level security;
create policy "own chats" on public.chats for select to authenticated using ((select auth.uid()) = user_id);

create view public.chat_list with (security_invoker = true) as select id, title from public.chats;
