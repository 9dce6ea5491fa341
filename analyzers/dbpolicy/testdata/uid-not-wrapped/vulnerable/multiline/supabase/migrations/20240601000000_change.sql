create table public.todos (id bigserial primary key, user_id uuid not null references auth.users(id), task text);
create index on public.todos (user_id);
alter table public.todos enable row level security;

create policy "own todos" on public.todos -- want rls/uid-not-wrapped
  for all to authenticated
  using (auth.uid() = user_id)
  with check (auth.uid() = user_id);
