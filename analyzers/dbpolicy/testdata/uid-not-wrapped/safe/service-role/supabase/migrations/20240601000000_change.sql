create table public.todos (id bigserial primary key, user_id uuid not null references auth.users(id), task text);
create index on public.todos (user_id);
alter table public.todos enable row level security;

create policy "service" on public.todos for all to service_role using (auth.uid() is null);
