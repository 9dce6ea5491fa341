create table public.notes (id bigserial primary key, user_id uuid not null, body text);
alter table public.notes enable row level security;
do $$
begin
  if not exists (select 1 from pg_policies where schemaname = 'public' and tablename = 'notes' and policyname = 'own notes') then
    create policy "own notes" on public.notes for select to authenticated using ((select auth.uid()) = user_id);
  end if;
end
$$;
do $$ begin
  if not exists (select 1 from pg_type where typname = 'note_kind') then
    create type public.note_kind as enum ('text', 'todo');
  end if;
  if not exists (select 1 from pg_policies where policyname = 'insert own notes' and tablename = 'notes') then
    create policy "insert own notes" on public.notes for insert to authenticated
      with check ((select auth.uid()) = user_id);
  end if;
end $$;
