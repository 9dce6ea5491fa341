insert into storage.buckets (id, name, public) values ('documents', 'documents', false);

create policy "users replace documents" on storage.objects for update to authenticated -- want rls/storage-policy-without-owner@critical
  using (bucket_id = 'documents') with check (bucket_id = 'documents');
