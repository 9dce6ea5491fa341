create table public.chats (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id) on delete cascade,
  title text,
  status text not null default 'active',
  archived boolean not null default false,
  org_id uuid,
  created_at timestamptz not null default now()
);
create index chats_user_id_idx on public.chats (user_id);
alter table public.chats enable row level security;

create policy "own chats" on public.chats for select to authenticated using ((select auth.uid()) = user_id);
create policy "shared with me" on public.chats for select to authenticated
  using (id in (select chat_id from public.chat_shares where shared_with = (select auth.uid())));
create table public.chat_shares (chat_id uuid not null, shared_with uuid not null, primary key (shared_with, chat_id));
alter table public.chat_shares enable row level security;
create policy "own shares" on public.chat_shares for select to authenticated using (shared_with = (select auth.uid()));
