insert into storage.buckets (id, name, public) values ('marketing', 'marketing', true);
create policy "marketing files are public" on storage.objects for select to anon, authenticated using (bucket_id = 'marketing');
