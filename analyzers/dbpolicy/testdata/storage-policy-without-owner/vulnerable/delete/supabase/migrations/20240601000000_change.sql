insert into storage.buckets (id, name, public) values ('documents', 'documents', false);

create policy "users delete documents" on storage.objects for delete to authenticated using (bucket_id = 'documents'); -- want rls/storage-policy-without-owner@critical
