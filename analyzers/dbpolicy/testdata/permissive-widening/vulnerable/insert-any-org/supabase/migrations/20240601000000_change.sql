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

create policy "own chats" on public.chats for all to authenticated
  using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);
create policy "org chats can be created" on public.chats for insert to authenticated -- want rls/permissive-widening
  with check (org_id is not null);
