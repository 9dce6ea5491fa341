insert into storage.buckets (id, name) values ('receipts', 'receipts');
