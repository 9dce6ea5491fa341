insert into storage.buckets (id, name, public) values ('documents', 'documents', false);

create policy "users upload to own folder" on storage.objects for insert to authenticated
  with check (bucket_id = 'documents' and (storage.foldername(name))[1] = (select auth.uid())::text);
