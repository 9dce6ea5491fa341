create table public.conversations (id uuid primary key default gen_random_uuid(), workspace_id uuid not null, user_id uuid not null default auth.uid(), title text);
create table public.conversation_messages (id bigserial primary key, conversation_id uuid not null references public.conversations(id) on delete cascade, role text not null, content text not null, created_at timestamptz default now());
alter table public.conversations enable row level security;
alter table public.conversation_messages enable row level security;
create policy "own conversations" on public.conversations for all to authenticated
  using (user_id = (select auth.uid()) and (select private.is_workspace_member(workspace_id)))
  with check (user_id = (select auth.uid()) and (select private.is_workspace_member(workspace_id)));
create policy "own conversation messages" on public.conversation_messages for all to authenticated
  using (conversation_id in (select id from public.conversations where user_id = (select auth.uid())))
  with check (conversation_id in (select id from public.conversations where user_id = (select auth.uid())));
create view public.conversation_list with (security_invoker = true) as
  select c.id, c.title, max(m.created_at) as last_message_at from public.conversations c left join public.conversation_messages m on m.conversation_id = c.id group by c.id, c.title;
