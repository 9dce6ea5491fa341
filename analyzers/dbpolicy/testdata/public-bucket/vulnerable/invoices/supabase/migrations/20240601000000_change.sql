insert into storage.buckets (id, name, public) values ('invoices', 'invoices', true); -- want rls/public-bucket@critical
