-- chats become conversations; title becomes subject
alter table public.chats rename to conversations;
alter table public.conversations rename column title to subject;
alter table public.messages rename column chat_id to conversation_id;
alter policy "own chats" on public.conversations rename to "own conversations";
drop policy if exists "avatar upload" on storage.objects;
create policy "avatar upload" on storage.objects for insert to authenticated
  with check (bucket_id = 'avatars' and owner = (select auth.uid()));
alter table public.documents rename column owner_id to user_id;
drop function if exists public.nonexistent(int);
