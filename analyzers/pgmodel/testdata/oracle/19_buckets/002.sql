insert into storage.buckets (id, name, public) values ('avatars', 'avatars', true) on conflict (id) do update set public = excluded.public;
update storage.buckets set public = true where id = 'receipts';
delete from storage.buckets where id = 'exports';
insert into storage.buckets (id, name, public) values ('public-assets', 'public-assets', false) on conflict (id) do nothing;
update storage.buckets set public = false where id in ('public-assets');
