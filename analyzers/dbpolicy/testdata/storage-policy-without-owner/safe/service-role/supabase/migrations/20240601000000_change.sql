insert into storage.buckets (id, name, public) values ('documents', 'documents', false);

create policy "backend manages documents" on storage.objects for all to service_role using (bucket_id = 'documents');
