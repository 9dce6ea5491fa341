insert into storage.buckets (id, name, public) values ('documents', 'documents', false);

create policy "users read own documents" on storage.objects for select to authenticated
  using (bucket_id = 'documents' and (select auth.uid()) = owner);
