insert into storage.buckets (id, name, public) values ('documents', 'documents', false);

create policy "users read documents" on storage.objects for select to authenticated -- want rls/storage-policy-without-owner@high
  using (bucket_id = 'documents');
