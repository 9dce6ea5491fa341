insert into storage.buckets (id, name, public) values ('user-uploads', 'user-uploads', true); -- want rls/public-bucket@critical
