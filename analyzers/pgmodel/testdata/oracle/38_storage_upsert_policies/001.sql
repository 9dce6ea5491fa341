insert into storage.buckets (id, name, public)
values ('docs', 'docs', false), ('images', 'images', true), ('tmp', 'tmp', false)
on conflict (id) do nothing;
update storage.buckets set public = true where name = 'docs';
create policy "images public" on storage.objects for select to public using (bucket_id = 'images');
create policy "docs owner all" on storage.objects for all to authenticated
  using (bucket_id = 'docs' and owner = (select auth.uid()))
  with check (bucket_id = 'docs' and owner = (select auth.uid()));
create policy "tmp anyone" on storage.objects for insert to anon with check (bucket_id = 'tmp');
drop policy "tmp anyone" on storage.objects;
