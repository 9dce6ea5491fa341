create table public.messages (id bigserial primary key, user_id uuid not null references auth.users(id), body text);
alter table public.messages enable row level security;
create policy "own messages" on public.messages for select to authenticated using ((select auth.uid()) = user_id); -- want rls/owner-column-unindexed
