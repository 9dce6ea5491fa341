-- re-running the guarded block is a no-op
do $$
begin
  if not exists (select 1 from pg_policies where schemaname = 'public' and tablename = 'notes' and policyname = 'own notes') then
    create policy "own notes" on public.notes for select to authenticated using (true);
  end if;
end
$$;
alter table public.notes add column kind public.note_kind default 'text';
