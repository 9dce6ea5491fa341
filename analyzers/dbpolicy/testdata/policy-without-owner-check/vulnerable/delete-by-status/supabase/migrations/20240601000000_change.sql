create table public.tasks (id uuid primary key, user_id uuid not null, title text, status text not null default 'open');
create index on public.tasks (user_id);
alter table public.tasks enable row level security;
create policy "delete finished tasks" on public.tasks for delete to authenticated using (status = 'done'); -- want rls/policy-without-owner-check
