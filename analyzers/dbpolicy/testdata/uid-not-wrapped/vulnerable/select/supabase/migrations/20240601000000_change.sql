create table public.todos (id bigserial primary key, user_id uuid not null references auth.users(id), task text);
create index on public.todos (user_id);
alter table public.todos enable row level security;

create policy "own todos" on public.todos for select using (auth.uid() = user_id); -- want rls/uid-not-wrapped
