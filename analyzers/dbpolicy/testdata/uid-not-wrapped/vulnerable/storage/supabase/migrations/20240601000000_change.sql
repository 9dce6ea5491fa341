insert into storage.buckets (id, name, public) values ('docs', 'docs', false);
create policy "own docs" on storage.objects for select to authenticated using (bucket_id = 'docs' and owner = auth.uid()); -- want rls/uid-not-wrapped
