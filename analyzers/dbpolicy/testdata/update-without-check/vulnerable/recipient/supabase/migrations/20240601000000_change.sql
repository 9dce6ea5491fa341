create table public.direct_messages (id bigserial primary key, sender_id uuid not null, recipient_id uuid not null, body text);
create index on public.direct_messages (sender_id);
alter table public.direct_messages enable row level security;
create policy "senders edit messages" on public.direct_messages for update to authenticated using ((select auth.uid()) = sender_id); -- want rls/update-without-check
