insert into storage.buckets (id, name, public) values ('user-files', 'user-files', false);
create policy "users read own folder" on storage.objects for select to authenticated
  using (bucket_id = 'user-files' and (storage.foldername(name))[1] = (select auth.uid()::text));
create policy "users upload own folder" on storage.objects for insert to authenticated
  with check (bucket_id = 'user-files' and (storage.foldername(name))[1] = auth.uid()::text);
create policy "users delete own" on storage.objects for delete to authenticated
  using (bucket_id = 'user-files' and owner = auth.uid());
create policy "anyone reads" on storage.objects for select using (bucket_id = 'public-assets');
create policy "upload any" on storage.objects for insert to authenticated with check (bucket_id = 'user-files');
