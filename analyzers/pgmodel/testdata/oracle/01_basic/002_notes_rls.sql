alter table notes enable row level security;
create policy notes_owner on notes for all to authenticated
  using (user_id = auth.uid()) with check (user_id = auth.uid());
create index notes_user_id_idx on notes (user_id);
insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true);
create policy "Avatar images are publicly accessible." on storage.objects
  for select using (bucket_id = 'avatars');
create policy "Anyone can upload an avatar." on storage.objects
  for insert with check (bucket_id = 'avatars');
