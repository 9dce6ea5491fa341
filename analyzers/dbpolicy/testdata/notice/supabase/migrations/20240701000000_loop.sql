create table public.notes (id uuid primary key, user_id uuid references auth.users, body text);
alter table public.notes enable row level security;

-- Toggle RLS on every table through dynamic SQL: the model cannot follow it.
do $$
declare t text;
begin
  for t in select tablename from pg_tables where schemaname = 'public' loop
    execute format('alter table public.%I disable row level security', t);
  end loop;
end $$;
