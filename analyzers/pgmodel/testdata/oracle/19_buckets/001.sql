insert into storage.buckets (id, name, public) values ('public-assets', 'public-assets', true);
insert into storage.buckets (id, name) values ('receipts', 'receipts');
insert into storage.buckets (id, name, public) values ('avatars', 'avatars', false) on conflict (id) do nothing;
insert into storage.buckets (id, name, public) values ('exports', 'exports', false);
