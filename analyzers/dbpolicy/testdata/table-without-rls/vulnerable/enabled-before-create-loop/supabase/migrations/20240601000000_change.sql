do $$
declare r record;
begin
  for r in select tablename from pg_tables where schemaname = 'public' loop
    execute format('alter table public.%I enable row level security', r.tablename);
  end loop;
end $$;
create table public.projects ( -- want rls/table-without-rls@critical
  id uuid primary key,
  owner_id uuid not null references auth.users(id),
  name text
);
