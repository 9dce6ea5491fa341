-- Chats for the assistant.
create table public.chats (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id) on delete cascade,
  title text,
  created_at timestamptz not null default now()
);
create index chats_user_id_idx on public.chats (user_id);
alter table public.chats enable row level security;
create policy "chats are readable" on public.chats
  for select using (true);

create table public.chat_messages (
  id bigserial primary key,
  chat_id uuid not null references public.chats(id) on delete cascade,
  content text not null
);

create view public.chat_overview as
  select c.id, c.title, count(m.id) as messages
  from public.chats c left join public.chat_messages m on m.chat_id = c.id
  group by c.id, c.title;
