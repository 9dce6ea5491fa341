insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true);
create policy "anyone uploads avatars" on storage.objects for insert to anon with check (bucket_id = 'avatars'); -- want rls/storage-policy-without-owner@critical
