create table public.todos (id bigserial primary key, user_id uuid not null references auth.users(id), task text);
create index on public.todos (user_id);
alter table public.todos enable row level security;

create table public.todo_shares (todo_id bigint not null, user_id uuid not null, primary key (user_id, todo_id));
alter table public.todo_shares enable row level security;
create policy "own shares" on public.todo_shares for select to authenticated using (user_id = (select auth.uid()));
create policy "shared todos" on public.todos for select to authenticated -- want rls/uid-not-wrapped
  using (id in (select todo_id from public.todo_shares where user_id = auth.uid()));
