insert into storage.buckets (id, name, public) values ('listing-images', 'listing-images', true);
create policy "listing images are public" on storage.objects for select using (bucket_id = 'listing-images');
create policy "sellers upload listing images" on storage.objects for insert to authenticated
  with check (bucket_id = 'listing-images' and (storage.foldername(name))[1] = (select auth.uid())::text);
create policy "sellers delete listing images" on storage.objects for delete to authenticated
  using (bucket_id = 'listing-images' and owner = (select auth.uid()));
