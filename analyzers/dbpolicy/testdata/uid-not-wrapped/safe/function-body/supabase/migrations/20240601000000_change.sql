create table public.todos (id bigserial primary key, user_id uuid not null references auth.users(id), task text);
create index on public.todos (user_id);
alter table public.todos enable row level security;

create policy "own todos" on public.todos for select to authenticated using ((select auth.uid()) = user_id);
create function public.my_todo_count() returns bigint language sql stable set search_path = '' as $$
  select count(*) from public.todos where user_id = auth.uid()
$$;
