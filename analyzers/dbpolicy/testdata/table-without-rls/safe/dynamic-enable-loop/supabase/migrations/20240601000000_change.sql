create table public.projects (id uuid primary key, owner_id uuid not null references auth.users(id), name text);
create table public.tasks (id uuid primary key, project_id uuid references public.projects(id), title text);
-- enable RLS on every table in public
do $$
declare r record;
begin
  for r in select tablename from pg_tables where schemaname = 'public' loop
    execute format('alter table public.%I enable row level security', r.tablename);
  end loop;
end $$;
