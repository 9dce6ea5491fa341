create table public.chats (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id) on delete cascade,
  title text,
  created_at timestamptz not null default now()
);
create index chats_user_id_idx on public.chats (user_id);
alter table public.chats enable row level security;

create policy "no direct reads" on public.chats for select using (false);
