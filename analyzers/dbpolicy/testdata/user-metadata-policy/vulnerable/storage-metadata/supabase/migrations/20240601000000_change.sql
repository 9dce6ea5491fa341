insert into storage.buckets (id, name, public) values ('contracts', 'contracts', false);
create policy "legal reads contracts" on storage.objects for select to authenticated -- want rls/user-metadata-policy
  using (bucket_id = 'contracts' and ((select auth.jwt()) -> 'user_metadata' ->> 'department') = 'legal');
