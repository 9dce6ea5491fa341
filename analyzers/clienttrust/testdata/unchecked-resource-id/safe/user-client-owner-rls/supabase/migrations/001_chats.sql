create table public.chats (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users default auth.uid(),
  title text
);
alter table public.chats enable row level security;
create policy "owner reads" on public.chats for select to authenticated using (auth.uid() = user_id);
create policy "owner deletes" on public.chats for delete to authenticated using (auth.uid() = user_id);
