insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true), ('documents', 'documents', false);

create policy "avatar read" on storage.objects for select using (bucket_id = 'avatars');
create policy "avatar upload" on storage.objects for insert to authenticated
  with check (bucket_id = 'avatars' and (select auth.uid())::text = (storage.foldername(name))[1]);
create policy "own documents" on storage.objects for select to authenticated
  using (bucket_id = 'documents' and owner = (select auth.uid()));
