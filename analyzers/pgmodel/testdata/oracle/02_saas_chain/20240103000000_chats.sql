create table public.chats (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id),
  organization_id uuid references public.organizations(id),
  title text,
  created_at timestamptz not null default now()
);
create table public.messages (
  id bigint generated always as identity primary key,
  chat_id uuid not null references public.chats(id) on delete cascade,
  role text not null check (role in ('user', 'assistant', 'system')),
  content text not null,
  created_at timestamptz not null default now()
);
alter table public.chats enable row level security;
alter table public.messages enable row level security;

create policy "own chats" on public.chats for all to authenticated
  using ((select auth.uid()) = user_id)
  with check ((select auth.uid()) = user_id);

create policy "messages of own chats" on public.messages for select to authenticated
  using (chat_id in (select id from public.chats where user_id = (select auth.uid())));
create policy "insert messages in own chats" on public.messages for insert to authenticated
  with check (exists (select 1 from public.chats c where c.id = chat_id and c.user_id = (select auth.uid())));
create publication supabase_realtime for table public.messages;
