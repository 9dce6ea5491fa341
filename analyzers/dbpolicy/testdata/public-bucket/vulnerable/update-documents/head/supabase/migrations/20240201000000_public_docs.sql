update storage.buckets set public = true where id = 'documents'; -- want rls/public-bucket@critical
