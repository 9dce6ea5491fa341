insert into storage.buckets (id, name, public) values ('files', 'files', true); -- want rls/public-bucket@high
