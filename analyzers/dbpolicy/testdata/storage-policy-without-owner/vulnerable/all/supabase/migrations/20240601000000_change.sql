insert into storage.buckets (id, name, public) values ('documents', 'documents', false);

create policy "documents access" on storage.objects for all to authenticated -- want rls/storage-policy-without-owner@critical
  using (bucket_id = 'documents' and (select auth.role()) = 'authenticated');
