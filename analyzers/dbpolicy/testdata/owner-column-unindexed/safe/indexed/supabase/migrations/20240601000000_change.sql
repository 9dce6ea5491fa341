create table public.messages (id bigserial primary key, user_id uuid not null, body text);
create index messages_user_id_idx on public.messages (user_id);
alter table public.messages enable row level security;
create policy "own messages" on public.messages for select to authenticated using ((select auth.uid()) = user_id);
