update storage.buckets set public = false where id = 'documents';
